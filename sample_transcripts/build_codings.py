"""Build sample_transcripts/codings.csv: sample codings of three transcripts by two
synthetic coders (Anouk and Bram).

Each coding is given as (document, coder, code path, exact quote, memo). The script
locates every quote in the transcript text (as read with open(..., encoding="utf-8")),
fails loudly when a quote is missing or occurs more than once, checks that every code
path exists in the matching codebook, and writes the CSV with columns
document,coder,start,end,code,memo,text (0-based, end-exclusive code-point offsets).

Run from anywhere:  .venv/bin/python sample_transcripts/build_codings.py
"""
import csv
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "codings.csv"

CODEBOOK_FOR = {
    "PL01_BackOnTrack_projectleider": "projectleiders.yaml",
    "NI01_Welzijnscoach_student": "narratief.yaml",
    "NI04_CaringUniversities_english": "narratief.yaml",
}

A, B, AB = "Anouk", "Bram", "both"  # "both" expands to one row per coder

# Code-path prefixes (projectleiders codebook)
BF = "Beïnvloedende factoren / "
VIC = "Vorm-inhoud-context / "
UIT = "Uitkomsten / "
# Code-path prefixes (narratief codebook)
NEG = "Situatie / Negatieve situatie"
POS = "Situatie / Positieve situatie"
SG = "Steungever / "
CM = "Communicatiemiddel / "
GSG = "Steungedrag / Gedrag steungever / "
GSO = "Steungedrag / Gedrag steunontvanger / "
GZ = "Steungedrag / Gezamenlijk steungedrag / "
VW = "Voorwaarden / "
EF = "Effect van ervaren steun / "

PL = "PL01_BackOnTrack_projectleider"
N1 = "NI01_Welzijnscoach_student"
N4 = "NI04_CaringUniversities_english"

# (document, coder, code path, exact quote, memo)
SPEC = [
    # ---------------------------------------------------------------- PL01
    (PL, AB, VIC + "Vorm", "Het zijn zes bijeenkomsten van ongeveer anderhalf uur, in kleine groepjes van zes tot acht studenten, en daarnaast hebben ze twee individuele gesprekken met een vaste begeleider.", ""),
    (PL, AB, VIC + "Context", "We zagen in het eerste en tweede jaar gewoon veel meer uitval dan daarvoor, en ook studenten die wel bleven maar eigenlijk, eh, ja, een beetje zweefden.", ""),
    (PL, A, BF + "Financiële middelen", "Toen is er vanuit de NPO-gelden ruimte gekomen om iets te proberen", "startfinanciering"),
    (PL, B, VIC + "Context", "Toen is er vanuit de NPO-gelden ruimte gekomen om iets te proberen", "aanleiding"),
    (PL, A, VIC + "Doel van de interventie", "Dus het idee is vooral dat je erbij bent voordat het echt misgaat.", "preventie"),
    (PL, B, VIC + "Doel van de interventie", "Dus het idee is vooral dat je erbij bent voordat het echt misgaat. Preventief, maar dan wel voor een groep waarvan je ziet dat het al een beetje begint te schuiven.", ""),
    (PL, AB, VIC + "Inhoud", "Dan hebben we per bijeenkomst een thema. Planning en uitstelgedrag, dat is een grote. Stress en slapen.", ""),
    (PL, A, VIC + "Inhoud", "En aan het eind maakt iedereen een soort herstartplan, met concrete stappen voor het volgende blok.", ""),
    (PL, AB, BF + "Inbedding", "Nu hebben we het gekoppeld aan de slb-uren in het eerste jaar, en de begeleider stuurt met toestemming van de student een korte samenvatting naar de slb'er.", ""),
    (PL, B, BF + "Open houding", "Dat is eigenlijk iets wat we in het tweede jaar hebben toegevoegd, want in het begin hing het een beetje los.", "bijstellen na ervaring"),
    (PL, AB, VIC + "Vorm", "Dat zijn slb'ers en een paar docenten die zich hebben aangemeld, en sinds vorig jaar ook twee ouderejaars studenten als co-begeleider.", ""),
    (PL, A, BF + "Open houding", "Dat laatste was eigenlijk een idee van de studenten zelf.", "studenten als mede-ontwerpers"),
    (PL, AB, BF + "Capaciteit en scholing", "Ze krijgen een training van twee dagdelen, eh, in gespreksvoering en in de opbouw van de bijeenkomsten. En tijdens het blok hebben we elke drie weken intervisie.", ""),
    (PL, AB, BF + "Capaciteit en scholing", "Die training in gespreksvoering heeft ons echt geholpen, vooral het niet meteen willen oplossen.", ""),
    (PL, AB, BF + "Capaciteit en scholing", "We hebben nu zeven begeleiders en we zouden er eigenlijk twaalf moeten hebben.", ""),
    (PL, AB, BF + "Tijd", "Maar in de praktijk, nou, het moet er allemaal naast, en dan schiet het er gewoon bij in.", ""),
    (PL, A, BF + "Tijd", "Als er een toetsweek is of er moeten herkansingen nagekeken worden, dan zie je dat de intervisie als eerste sneuvelt.", ""),
    (PL, B, BF + "Capaciteit en scholing", "Als er een toetsweek is of er moeten herkansingen nagekeken worden, dan zie je dat de intervisie als eerste sneuvelt.", "intervisie = scholing"),
    (PL, AB, BF + "Financiële middelen", "De NPO-gelden lopen af en dan is het maar de vraag. We zitten nu in het laatste jaar van de projectfinanciering.", ""),
    (PL, AB, UIT + "Borging", "Er ligt een voorstel bij het college van bestuur om het structureel te maken, maar daar is nog geen besluit over.", ""),
    (PL, A, BF + "Draagvlak", "Bij de slb'ers ook, die zijn blij dat ze ergens naar kunnen verwijzen.", ""),
    (PL, A, BF + "Draagvlak", "de teamleiders zagen het eerst echt als iets extra's, dat was lastig.", ""),
    (PL, B, BF + "Draagvlak", "de teamleiders zagen het eerst echt als iets extra's, dat was lastig. Eentje zei letterlijk tegen mij: wij hebben al genoeg projecten.", "weerstand teamleiders"),
    (PL, A, BF + "Draagvlak", "En we hebben een student laten vertellen in een teamvergadering. Dat was eigenlijk het sterkste.", "ervaringsverhaal als strategie"),
    (PL, B, BF + "Draagvlak", "En we hebben een student laten vertellen in een teamvergadering. Dat was eigenlijk het sterkste.", ""),
    (PL, AB, BF + "Communicatie", "via Brightspace bereik je ze gewoon niet, dat lezen ze niet.", ""),
    (PL, A, VIC + "Doelgroep", "de studenten die het het hardst nodig hebben, zijn vaak ook degenen die niet meer op school komen.", "bereik"),
    (PL, B, BF + "Communicatie", "de studenten die het het hardst nodig hebben, zijn vaak ook degenen die niet meer op school komen.", "werving bereikt risicogroep niet"),
    (PL, AB, VIC + "Doelgroep", "Het zijn vooral tweedejaars die een keer zijn vastgelopen, en eerstejaars na het eerste blok, als de eerste cijfers binnen zijn.", ""),
    (PL, B, VIC + "Doelgroep", "En opvallend veel studenten die eerst een andere opleiding hebben gedaan, switchers.", ""),
    (PL, A, UIT + "Verbinding", "Dat ze merken dat ze niet de enige zijn, dat is denk ik het belangrijkste mechanisme.", "CMO: mechanisme herkenning"),
    (PL, B, UIT + "Verbinding", "Dat ze merken dat ze niet de enige zijn, dat is denk ik het belangrijkste mechanisme.", ""),
    (PL, AB, UIT + "Welzijn studenten", "Ze zeggen zelf dat ze weer een beetje lucht hebben.", ""),
    (PL, AB, UIT + "Verbinding", "Ze appen elkaar nu nog steeds, ook buiten de groep.", ""),
    (PL, A, UIT + "Verbinding", "En ze gaan ook makkelijker naar hun docent.", "lagere drempel naar opleiding"),
    (PL, B, UIT + "Welzijn studenten", "En ze gaan ook makkelijker naar hun docent.", ""),
    (PL, AB, UIT + "Bijeffecten", "Zo van: o, ik ben zelfs te veel voor Back on Track. Dat is een risico.", ""),
    (PL, AB, BF + "Inbedding", "We hebben daar nu een duidelijker afspraak over met de studentenpsychologen, zodat er een warme overdracht is", ""),
    (PL, A, UIT + "Bijeffecten", "Wat ik niet had verwacht, is dat docenten het zelf ook fijn vonden.", ""),
    (PL, B, UIT + "Bijeffecten", "Wat ik niet had verwacht, is dat docenten het zelf ook fijn vonden. Een paar docenten zeiden: ik kijk nu anders naar mijn klas.", "positief bijeffect docenten"),
    (PL, AB, BF + "Persoonlijke betrokkenheid trekker", "En ik moet ook eerlijk zijn: veel loopt nu via mij.", ""),
    (PL, A, BF + "Persoonlijke betrokkenheid trekker", "Eerlijk gezegd, als ik morgen wegga, dan stopt het ook.", ""),
    (PL, B, UIT + "Borging", "Eerlijk gezegd, als ik morgen wegga, dan stopt het ook.", "kwetsbare voortzetting"),
    (PL, A, UIT + "Borging", "Dat het niet meer een project is van een paar enthousiastelingen, maar dat het onderdeel is van hoe we studentbegeleiding doen.", ""),
    (PL, B, BF + "Inbedding", "Dat het niet meer een project is van een paar enthousiastelingen, maar dat het onderdeel is van hoe we studentbegeleiding doen.", ""),
    (PL, AB, UIT + "Borging", "Als het besluit positief is, dan willen we volgend jaar in alle opleidingen aanbieden", ""),
    (PL, A, VIC + "Vorm", "Studenten zeggen vaak: het is fijn dat niemand uit mijn klas erbij zit.", "gemengde groepen"),
    (PL, B, VIC + "Vorm", "In een gemengde groep kun je gewoon opnieuw beginnen, niemand kent je, niemand weet dat je drie keer dat tentamen hebt verknald. Dat geeft veiligheid.", ""),
    (PL, AB, BF + "Open houding", "Je moet echt durven zeggen: ik weet het ook niet, laten we het samen uitzoeken.", ""),
    (PL, A, BF + "Open houding", "We hadden de bijeenkomsten eerst aan het eind van de middag, en studenten met een bijbaan konden dan niet. Dat hebben we verschoven.", ""),
    (PL, B, VIC + "Vorm", "We hadden de bijeenkomsten eerst aan het eind van de middag, en studenten met een bijbaan konden dan niet. Dat hebben we verschoven.", ""),
    (PL, A, BF + "Draagvlak", "Ik zou eerder de teamleiders erbij halen, vanaf het begin.", ""),
    (PL, B, "Overig / Aanbevelingen", "Ik zou eerder de teamleiders erbij halen, vanaf het begin.", "terugblik = advies"),
    (PL, A, "Overig", "We hebben nu vooral verhalen en tevredenheidscijfers, en dat is mooi, maar bij het college vragen ze toch: wat levert het op in rendement?", "meetbaarheid effecten"),
    (PL, AB, "Overig / Aanbevelingen", "begin klein, en zorg dat je één enthousiaste collega per opleiding hebt.", ""),
    (PL, B, "Overig", "Die twee dingen horen bij elkaar, dat welzijn en dat studeren.", "mooi citaat"),
    # ---------------------------------------------------------------- NI01
    (N1, AB, POS + " / Nieuwe start", "Met de nieuwe opleiding voelde het alsof ik opnieuw mocht beginnen", ""),
    (N1, AB, NEG + " / Ziekte", "Mijn moeder werd ziek. Ze kreeg, eh, borstkanker, en ze moest chemo.", ""),
    (N1, A, NEG + " / Familieomstandigheden", "Dus ik ging elk weekend naar huis, en soms ook doordeweeks, om te helpen.", "mantelzorg"),
    (N1, A, NEG, "ik sliep slecht. Ik lag 's nachts te piekeren.", ""),
    (N1, B, NEG + " / Ziekte", "ik sliep slecht. Ik lag 's nachts te piekeren.", "slaapproblemen"),
    (N1, AB, NEG + " / Slechte studieresultaten", "Ik had een herkansing voor rekenen, en die haalde ik gewoon weer niet, en ik dacht: ik ben gewoon dom, ik kan dit niet.", ""),
    (N1, B, NEG + " / Slechte studieresultaten", "ik geloof tien van de vijftien punten of zo", ""),
    (N1, AB, NEG + " / Relatieproblemen", "En in dezelfde periode ging het ook uit met mijn vriend.", ""),
    (N1, AB, GSO + "Niet tot last willen zijn", "Ik heb het heel lang voor me gehouden. Mijn moeder had al genoeg aan haar hoofd, dus ik zei niks.", ""),
    (N1, A, SG + "Vader", "En mijn vader, die is niet zo'n prater.", "steungever die praktisch steunt"),
    (N1, AB, SG + "Medestudenten", "Er was een meisje in mijn klas, [naam medestudent], en die zag dat ik er niet zo goed uitzag.", ""),
    (N1, AB, GSG + "Persoonlijke aandacht en emotionele steun", "Iemand uit mijn projectgroep vroeg of het wel ging, dat was zij dus.", ""),
    (N1, A, GSG + "Mentale en cognitieve steun", "En zij zei: joh, er is hier een welzijnscoach, daar ben ik vorig jaar ook geweest, ga daar eens heen.", "informatie over aanbod"),
    (N1, B, GSG + "Praktische steun", "En zij zei: joh, er is hier een welzijnscoach, daar ben ik vorig jaar ook geweest, ga daar eens heen.", "doorverwijzing"),
    (N1, AB, VW + "Praktisch", "Ik wist gewoon niet dat dat bestond.", ""),
    (N1, AB, CM + "E-mail", "Maar toen heb ik een mailtje gestuurd", ""),
    (N1, AB, GSO + "Om hulp vragen", "Ik heb gevraagd of ik een keer langs mocht komen.", ""),
    (N1, A, VW + "Praktisch", "Dat vond ik echt fijn, dat het zo snel kon.", ""),
    (N1, B, VW + "Praktisch", "Dat vond ik echt fijn, dat het zo snel kon. Als ik drie weken had moeten wachten, dan was ik denk ik alsnog afgehaakt.", "snelle reactie, geen wachttijd"),
    (N1, AB, GSG + "Persoonlijke aandacht en emotionele steun", "Ze vroeg niet naar mijn cijfers, ze vroeg hoe het met mij ging.", ""),
    (N1, AB, SG + "Welzijnscoach", "Ze vroeg niet naar mijn cijfers, ze vroeg hoe het met mij ging.", ""),
    (N1, AB, GSO + "Uitspreken", "En toen heb ik gewoon alles verteld.", ""),
    (N1, A, EF + "Emotionele opluchting", "Het voelde alsof er een blok van mijn schouders viel. Echt. Ik ging naar buiten en ik dacht: o, het mag dus gewoon zwaar zijn.", ""),
    (N1, B, EF + "Emotionele opluchting", "Het voelde alsof er een blok van mijn schouders viel.", ""),
    (N1, AB, CM + "Teams", "Soms op school, soms via Teams, als ik in Zeeland was.", ""),
    (N1, AB, CM + "Face-to-face", "Gewoon tegenover elkaar zitten, dat maakte het verschil.", ""),
    (N1, AB, GSG + "Mentale en cognitieve steun", "Ze hielp me om het in kleine stukjes te hakken.", ""),
    (N1, AB, EF + "Cognitieve en mentale hulp", "Ik zag ineens dat ik niet alles tegelijk hoefde.", ""),
    (N1, A, GSG + "Praktische steun", "En mijn slb'er heeft toen met mij een nieuwe planning gemaakt, en ze heeft geregeld dat ik die rekentoets op een later moment kon doen", ""),
    (N1, B, SG + "Studieloopbaanbegeleider", "En mijn slb'er heeft toen met mij een nieuwe planning gemaakt, en ze heeft geregeld dat ik die rekentoets op een later moment kon doen", ""),
    (N1, AB, VW + "Relationeel", "Maar ik denk wel: het moet wel iemand zijn die je al een beetje kent.", ""),
    (N1, A, GSO + "Uitspreken", "En toen heb ik het in onze groepsapp gezet.", ""),
    (N1, B, CM + "App", "En toen heb ik het in onze groepsapp gezet.", ""),
    (N1, A, GZ + "Leuke dingen samen doen", "En we gingen op woensdagavond samen koken, met z'n vieren, bij een van ons op kamers.", ""),
    (N1, B, GZ + "Tijd samen doorbrengen", "En we gingen op woensdagavond samen koken, met z'n vieren, bij een van ons op kamers.", "wekelijks samen eten"),
    (N1, AB, GZ + "Lachen", "Ze kreeg me altijd wel aan het lachen, mijn vriendin [naam vriendin].", ""),
    (N1, AB, SG + "Broers en zussen", "Mijn broertje snapte het eigenlijk het best, want die zat er thuis middenin.", ""),
    (N1, AB, GSG + "Praktische steun", "Die heeft bijvoorbeeld een keer mijn hele kamer hier opgeknapt, toen ik het zelf niet meer trok.", ""),
    (N1, B, SG + "Moeder", "Ze zei: ik ben nog steeds je moeder, ook als ik ziek ben.", ""),
    (N1, AB, EF + "Emotionele opluchting", "Maar het was ook een opluchting, dat ik niet meer hoefde te doen alsof.", ""),
    (N1, AB, SG + "Huisarts", "die huisarts heeft me doorverwezen naar de praktijkondersteuner", ""),
    (N1, A, VW + "Communicatief", "Ik had niet het gevoel dat ze echt luisterde.", "ontbrekende voorwaarde"),
    (N1, B, VW + "Relationeel", "Ik had niet het gevoel dat ze echt luisterde.", "geen klik"),
    (N1, AB, VW + "Praktisch", "Bij de coach was het anders, daar kon ik gewoon binnenlopen, zonder afspraak, als het echt even niet ging.", ""),
    (N1, AB, VW + "Communicatief", "zij zei het gewoon eerlijk, niet met omwegen.", ""),
    (N1, AB, VW + "Relationeel", "Ik vertrouwde haar, dat was het belangrijkste.", ""),
    (N1, AB, SG + "Docent", "Die zei na de les een keer: blijf even zitten. En toen vroeg ze of alles goed ging, omdat ik zo stil was.", ""),
    (N1, AB, VW + "Emotioneel", "Ik moest er eerst zelf aan toe zijn, denk ik, om het te laten zien.", ""),
    (N1, A, POS, "Dat ik toen die stage kreeg, dat was echt een kantelpunt.", ""),
    (N1, B, POS + " / Nieuwe start", "Dat ik toen die stage kreeg, dat was echt een kantelpunt.", ""),
    (N1, A, GSO + "Uitspreken", "Ik zeg nu sneller als het niet gaat.", "verandering in eigen gedrag"),
    (N1, B, EF + "Cognitieve en mentale hulp", "Niet omdat ik het niet kon, maar omdat ik het niet meer overzag.", ""),
    # ---------------------------------------------------------------- NI04
    (N4, AB, POS + " / Nieuwe start", "It really felt like a fresh start, you know?", ""),
    (N4, A, NEG + " / Eenzaamheid", "And I realised, uh, I didn't really know anyone here. I knew nobody here at all, the evenings were really long.", ""),
    (N4, B, NEG + " / Eenzaamheid", "I knew nobody here at all, the evenings were really long.", ""),
    (N4, A, NEG, "I stopped going to some of the lectures, because they were recorded anyway, so why go?", "terugtrekken"),
    (N4, B, NEG + " / Eenzaamheid", "And then I was even more alone. It's a bit of a spiral.", ""),
    (N4, A, NEG + " / Relatieproblemen", "And then in December he told me he didn't think it was working anymore.", ""),
    (N4, B, NEG + " / Relatieproblemen", "And then in December he told me he didn't think it was working anymore. So we broke up, over a video call.", ""),
    (N4, AB, NEG + " / Slechte studieresultaten", "And at the same time my first grades came in, and I had failed one of the courses.", ""),
    (N4, A, NEG + " / Familieomstandigheden", "she was dealing with my grandfather being sick, he has dementia and he was moving into a care home", ""),
    (N4, B, NEG + " / Ziekte", "she was dealing with my grandfather being sick, he has dementia and he was moving into a care home", "ziekte van naaste"),
    (N4, AB, GSO + "Niet tot last willen zijn", "I didn't want to be another problem for her.", ""),
    (N4, A, CM + "E-mail", "There was an e-mail from the university, one of those mass e-mails, inviting everyone to fill in a survey about student wellbeing.", "eerste contact met Caring Universities"),
    (N4, AB, EF + "Emotionele opluchting", "It was strange, but also kind of a relief?", ""),
    (N4, B, EF + "Cognitieve en mentale hulp", "And I think that gave me permission to take it seriously.", ""),
    (N4, A, GSO + "Om hulp vragen", "I chose that option, because I thought, okay, if nobody checks, I won't do it.", "kiest actief voor coach"),
    (N4, AB, GSG + "Mentale en cognitieve steun", "She would comment on what I wrote, like, you wrote that you're a failure because you failed one course, but you passed four others, so is that really true?", ""),
    (N4, AB, EF + "Cognitieve en mentale hulp", "It sounds a bit simple, but it helped me see things differently.", ""),
    (N4, AB, CM + "App", "It was all through the platform, written messages.", ""),
    (N4, A, VW + "Emotioneel", "Writing it felt safer.", ""),
    (N4, B, VW + "Communicatief", "Writing it felt safer.", "schriftelijk kanaal"),
    (N4, AB, GSG + "Mentale en cognitieve steun", "But the coach actually also wrote to me, she said, it sounds like you might benefit from talking to someone, have you considered the student psychologist?", ""),
    (N4, AB, GSO + "Om hulp vragen", "I sent them an e-mail.", ""),
    (N4, B, CM + "E-mail", "I sent them an e-mail.", ""),
    (N4, AB, VW + "Praktisch", "The waiting time was about three weeks, which wasn't too bad.", ""),
    (N4, AB, CM + "Teams", "So the first meeting was on Teams, and after that in person at the university.", ""),
    (N4, A, SG + "Psycholoog", "She was, um, very warm, but also quite direct.", ""),
    (N4, B, VW + "Communicatief", "She was, um, very warm, but also quite direct.", ""),
    (N4, AB, GSG + "Persoonlijke aandacht en emotionele steun", "The first thing she said, after I told her everything, was, you've been carrying a lot on your own.", ""),
    (N4, AB, GSO + "Uitspreken", "I just said, mom, it's not going well.", ""),
    (N4, AB, GSG + "Praktische steun", "And then she said, I'm booking a flight.", ""),
    (N4, AB, GZ + "Leuke dingen samen doen", "We just walked around the city, we went to museums, we cooked in my tiny kitchen.", ""),
    (N4, AB, GZ + "Tijd samen doorbrengen", "Just being together was enough.", ""),
    (N4, AB, CM + "Telefoon", "she'd just, like, stay on the phone with me while I cooked dinner.", ""),
    (N4, A, GSG + "Persoonlijke aandacht en emotionele steun", "she'd just, like, stay on the phone with me while I cooked dinner.", "er zijn zonder te fixen"),
    (N4, AB, SG + "Lotgenoten", "It helped so much to talk to someone who had gone through exactly the same thing.", ""),
    (N4, A, GZ + "Tijd samen doorbrengen", "So we started studying together for the resit, in the library.", ""),
    (N4, B, SG + "Medestudenten", "So we started studying together for the resit, in the library.", ""),
    (N4, A, GZ + "Lachen", "We'd laugh about the Dutch weather and the bike thieves and, like, how nobody invites you for dinner here.", ""),
    (N4, B, GZ + "Lachen", "we would joke about how miserable we were. Like, dark humour. We'd laugh about the Dutch weather and the bike thieves and, like, how nobody invites you for dinner here.", "humor als steun"),
    (N4, B, SG + "Vrienden", "Yes, she's my best friend here now.", ""),
    (N4, AB, GZ + "Leuke dingen samen doen", "we do dinners every Friday, rotating whose place", ""),
    (N4, AB, SG + "Studieloopbaanbegeleider", "There's a student advisor in our programme", "studieadviseur (wo) ~ slb'er"),
    (N4, AB, GSG + "Mentale en cognitieve steun", "She explained the rules, what happens if you take longer, whether my residence permit would be affected.", ""),
    (N4, AB, EF + "Emotionele opluchting", "That was a huge relief.", ""),
    (N4, A, VW + "Praktisch", "Everything is on the website but it's, like, a maze.", ""),
    (N4, B, VW + "Praktisch", "Everything is on the website but it's, like, a maze. And half of it is in Dutch.", "taalbarrière internationals"),
    (N4, A, VW + "Emotioneel", "So I had this idea that I wasn't sick enough.", "taboe"),
    (N4, B, GSO + "Niet tot last willen zijn", "So I had this idea that I wasn't sick enough.", ""),
    (N4, AB, GSO + "Niet tot last willen zijn", "And third, I didn't want to be a burden.", ""),
    (N4, AB, VW + "Praktisch", "Because it was anonymous and online, there was no threshold.", ""),
    (N4, AB, VW + "Emotioneel", "And I had to be ready myself, I think.", ""),
    (N4, AB, EF + "Cognitieve en mentale hulp", "Like, I know the signs now, when I start skipping lectures and staying in my room.", ""),
    (N4, A, EF + "Emotionele opluchting", "And every time I said it to someone, it got a bit smaller.", ""),
    (N4, B, GSO + "Uitspreken", "And every time I said it to someone, it got a bit smaller.", ""),
]


def code_paths(codebook_file):
    data = yaml.safe_load((ROOT / "codebooks" / codebook_file).read_text(encoding="utf-8"))
    paths = set()

    def walk(codes, prefix):
        for c in codes or []:
            p = prefix + [c["name"]]
            paths.add(" / ".join(p))
            walk(c.get("children"), p)

    walk(data["codes"], [])
    return paths


def expand(spec):
    rows = []
    for doc, coder, code, quote, memo in spec:
        for c in ([A, B] if coder == AB else [coder]):
            rows.append((doc, c, code, quote, memo))
    return rows


def locate(text, quote, doc):
    first = text.find(quote)
    if first < 0:
        raise SystemExit(f"quote not found in {doc}: {quote!r}")
    if text.find(quote, first + 1) >= 0:
        raise SystemExit(f"quote is ambiguous in {doc}: {quote!r}")
    return first, first + len(quote)


def summarise(rows):
    """Print counts per coder/document and a rough agreement breakdown."""
    docs = sorted({r["document"] for r in rows})
    for doc in docs:
        a = [r for r in rows if r["document"] == doc and r["coder"] == A]
        b = [r for r in rows if r["document"] == doc and r["coder"] == B]
        exact = boundary = code_diff = only_a = only_b = 0

        def ov(x, y):
            return x["start"] < y["end"] and y["start"] < x["end"]

        for x in a:
            same = [y for y in b if ov(x, y) and y["code"] == x["code"]]
            if any(y["start"] == x["start"] and y["end"] == x["end"] for y in same):
                exact += 1
            elif same:
                boundary += 1
            elif any(ov(x, y) for y in b):
                code_diff += 1
            else:
                only_a += 1
        for y in b:
            if not any(ov(x, y) for x in a):
                only_b += 1
        print(f"{doc}: Anouk={len(a)} Bram={len(b)} | exact agree={exact} "
              f"boundary diff={boundary} code diff={code_diff} only Anouk={only_a} only Bram={only_b}")


def main():
    texts, paths, rows = {}, {}, []
    for doc, coder, code, quote, memo in expand(SPEC):
        if doc not in texts:
            with open(HERE / f"{doc}.txt", encoding="utf-8") as fh:
                texts[doc] = fh.read()
            paths[doc] = code_paths(CODEBOOK_FOR[doc])
        if code not in paths[doc]:
            raise SystemExit(f"unknown code for {doc}: {code!r}")
        start, end = locate(texts[doc], quote, doc)
        rows.append(dict(document=doc, coder=coder, start=start, end=end,
                         code=code, memo=memo, text=texts[doc][start:end]))
    seen = set()
    for r in rows:
        key = (r["document"], r["coder"], r["start"], r["end"], r["code"])
        if key in seen:
            raise SystemExit(f"duplicate coding: {key}")
        seen.add(key)
    rows.sort(key=lambda r: (r["document"], r["coder"], r["start"], r["end"], r["code"]))
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["document", "coder", "start", "end", "code", "memo", "text"])
        w.writeheader()
        w.writerows(rows)
    # verify the written file independently
    with open(OUT, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            t = texts[r["document"]]
            assert t[int(r["start"]):int(r["end"])] == r["text"], r
            assert r["code"] in paths[r["document"]], r
    print(f"wrote {len(rows)} codings to {OUT.relative_to(ROOT)}")
    summarise(rows)


if __name__ == "__main__":
    sys.exit(main())
