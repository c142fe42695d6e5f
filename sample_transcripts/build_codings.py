"""Build sample_transcripts/codings.csv: sample codings by two synthetic coders (Anouk
and Bram). Three transcripts (PL01, NI01, NI04) are coded by both coders, for the
agreement figures; the other seven are divided between them and coded by one coder each.

Each coding is given as (document, coder, code path, exact quote, memo). The script
locates every quote in the transcript text (as read with open(..., encoding="utf-8")),
fails loudly when a quote is missing, occurs more than once or lies outside a
respondent's speaker turn, checks that every code path exists in the matching codebook,
and writes the CSV with columns
document,coder,start,end,code,memo,text (0-based, end-exclusive code-point offsets).

Run from anywhere:  .venv/bin/python sample_transcripts/build_codings.py
"""
import csv
import re
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
    "PL02_Herstelrecht_praktijk": "projectleiders.yaml",
    "PL03_Welzijnslab_projectleider": "projectleiders.yaml",
    "FG01_Peercoaching_studenten": "narratief.yaml",
    "FG02_CaringUniversities_studenten": "narratief.yaml",
    "SI01_BackOnTrack_student": "narratief.yaml",
    "NI02_Herstelrecht_mbo2": "narratief.yaml",
    "NI03_Welzijnsmonitor_student": "narratief.yaml",
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
EFFECT = "Effect van ervaren steun"  # the cluster itself (binding, side effects)

PL = "PL01_BackOnTrack_projectleider"
N1 = "NI01_Welzijnscoach_student"
N4 = "NI04_CaringUniversities_english"
P2 = "PL02_Herstelrecht_praktijk"
P3 = "PL03_Welzijnslab_projectleider"
F1 = "FG01_Peercoaching_studenten"
F2 = "FG02_CaringUniversities_studenten"
S1 = "SI01_BackOnTrack_student"
N2 = "NI02_Herstelrecht_mbo2"
N3 = "NI03_Welzijnsmonitor_student"

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

# ================================================================ single-coded documents
# The seven remaining transcripts are coded by one coder each (Anouk and Bram take turns),
# the way a team divides the work once the codebook is shared after calibration.
SPEC += [
    # ---------------------------------------------------------------- PL02 (Anouk)
    (P2, A, VIC + "Inhoud", "als er een conflict is of er is iemand gekwetst, dan gaan we niet meteen straffen, maar we kijken eerst: wat is er gebeurd, wie is er geraakt, en wat is er nodig om het weer goed te maken.", "kern van herstelgericht werken"),
    (P2, A, VIC + "Vorm", "Dat kan een klein gesprek zijn op de gang, maar het kan ook een echte herstelcirkel zijn met de hele klas erbij.", ""),
    (P2, A, VIC + "Inhoud", "Wat is er gebeurd, wat dacht je op dat moment, wie zijn er geraakt en op welke manier, en wat is er nodig om het te herstellen.", "vaste herstelvragen"),
    (P2, A, VIC + "Vorm", "Eerst heb je voorgesprekken met iedereen apart. Dat vind ik eigenlijk het belangrijkste deel, want daar merk je of iemand er klaar voor is.", ""),
    (P2, A, VIC + "Doelgroep", "Eigenlijk voor iedereen, maar in de praktijk zijn het vooral de entree-opleidingen en niveau 2.", ""),
    (P2, A, VIC + "Doelgroep", "Die zijn vaak al een paar keer geschorst, en die verwachten eigenlijk ook niks anders.", "eerdere ervaring met straf"),
    (P2, A, VIC + "Context", "Er waren op onze locatie een paar heftige incidenten, een vechtpartij en een filmpje dat rondging.", "aanleiding"),
    (P2, A, VIC + "Context", "Er was toen ook vanuit het college een programma rond sociale veiligheid, dus het paste daar goed in.", ""),
    (P2, A, BF + "Capaciteit en scholing", "Dat was een driedaagse training bij een extern bureau, in herstelgericht werken.", ""),
    (P2, A, BF + "Capaciteit en scholing", "we elke zes weken met de herstelcoördinatoren van verschillende locaties bij elkaar komen om casussen te bespreken. Dat helpt heel erg.", "intervisie tussen locaties"),
    (P2, A, BF + "Capaciteit en scholing", "Maar docenten en mentoren hebben die training meestal niet gehad, en die lopen er dan tegenaan dat ze in de klas een conflict hebben en niet weten hoe ze dat herstelgericht moeten aanpakken.", ""),
    (P2, A, BF + "Draagvlak", "En er zijn docenten die het te soft vinden.", "weerstand: te soft"),
    (P2, A, BF + "Draagvlak", "wat ik merk, is dat docenten die een keer een goed herstelgesprek hebben meegemaakt, dat die bijdraaien.", "zien werkt overtuigend"),
    (P2, A, BF + "Draagvlak", "De directie staat erachter, dat is echt belangrijk. Die hebben het ook in het jaarplan gezet.", ""),
    (P2, A, BF + "Tijd", "ik heb er vier uur per week voor, en soms heb ik in een week drie incidenten.", ""),
    (P2, A, BF + "Tijd", "Herstel moet snel, eigenlijk binnen een paar dagen, anders is de boel al weer verhard.", "timing als voorwaarde"),
    (P2, A, BF + "Financiële middelen", "Maar die uren, die komen uit het gewone formatiebudget van het team, en daar is altijd krapte.", ""),
    (P2, A, BF + "Financiële middelen", "Ik heb wel eens gevraagd of er een vaste herstelcoördinator kan komen die daar gewoon de hele week voor is. Maar dan hoor je: daar is geen geld voor.", ""),
    (P2, A, BF + "Communicatie", "eerlijk gezegd weten de meesten het niet, totdat ze er zelf mee te maken krijgen.", ""),
    (P2, A, BF + "Communicatie", "Wat wel werkt, is dat we in het begin van het jaar in de introductieweek een herstelcirkel doen met elke nieuwe klas, dus gewoon kennismaken in een kring.", "kennismaking als werving"),
    (P2, A, VIC + "Doel van de interventie", "We begonnen met het puur als reactie op incidenten. Maar we merkten: als de klas elkaar al kent, als er al een bepaalde sfeer is, dan gaan conflicten ook makkelijker.", "van reactief naar preventief"),
    (P2, A, VIC + "Vorm", "Dus nu doen een paar mentoren elke week een korte check-in met een kring.", ""),
    (P2, A, UIT + "Welzijn studenten", "ze komen binnen alsof ze naar de tandarts moeten, en ze gaan weg alsof er iets van ze af is gevallen.", "opluchting"),
    (P2, A, UIT + "Welzijn studenten", "studenten die een herstelgesprek hebben gehad, komen minder vaak terug bij de teamleider. En ze blijven vaker in de opleiding", "minder uitval (indruk, niet gemeten)"),
    (P2, A, UIT + "Verbinding", "In een klas waar we een paar herstelcirkels hebben gedaan, daar zeggen ze nu tegen elkaar: joh, laten we even praten, in plaats van dat het meteen escaleert.", "klassenklimaat"),
    (P2, A, UIT + "Bijeffecten", "Ik heb een keer een gesprek gehad waar de ene partij achteraf zei: ik voelde me opnieuw aangevallen.", "risico: opnieuw gekwetst"),
    (P2, A, BF + "Inbedding", "Als ik in een voorgesprek merk dat er meer speelt, bijvoorbeeld dat een student thuis geen veilige plek heeft of dat er schulden zijn, dan zet ik dat door.", "samenwerking zorgcoördinator"),
    (P2, A, BF + "Inbedding", "Herstelrecht is geen hulpverlening, dat moet je goed in de gaten houden.", ""),
    (P2, A, BF + "Open houding", "Vroeger dacht ik bij een student die brutaal was: die moet gewoon luisteren. Nu denk ik eerder: wat zit hier achter?", ""),
    (P2, A, BF + "Inbedding", "op een andere locatie van Curio is er gewoon niemand die het doet.", "verschillen tussen locaties"),
    (P2, A, UIT + "Borging", "Er is een werkgroep, en daar zit ik ook in. Maar ja, zo'n werkgroep, dat gaat langzaam.", ""),
    (P2, A, BF + "Persoonlijke betrokkenheid trekker", "als ik hier zou stoppen, dan is er op deze locatie nog maar één getrainde collega. Dan is het kwetsbaar.", ""),
    (P2, A, "Overig / Aanbevelingen", "begin niet met de moeilijkste gevallen. Begin met kleine conflicten, zodat je kunt oefenen en zodat mensen zien dat het werkt.", ""),
    (P2, A, UIT + "Verbinding", "Het gaat erom dat een student merkt: ik hoor erbij, ook als ik iets fout doe.", "binding als kern"),
    # ---------------------------------------------------------------- PL03 (Bram)
    (P3, B, VIC + "Context", "En het Welzijnslab is eigenlijk ontstaan uit, eh, uit een gevoel dat we heel veel losse initiatieven hadden.", "versnippering als aanleiding"),
    (P3, B, VIC + "Vorm", "We ontwikkelen samen met studenten en docenten kleine interventies rond welzijn, we testen die in een paar opleidingen, en wat goed werkt proberen we breder uit te rollen.", ""),
    (P3, B, VIC + "Inhoud", "Heel simpel eigenlijk: docenten beginnen een les met een korte vraag, hoe zit je erbij, op een schaal, of met een plaatje, en dat duurt vijf minuten.", "check-in"),
    (P3, B, UIT + "Verbinding", "het is fijn, want nu weet ik dat ik niet de enige ben die het zwaar heeft in de tentamenweek.", ""),
    (P3, B, BF + "Draagvlak", "Iedereen vindt studentenwelzijn belangrijk, dat staat ook in de strategische plannen", "draagvlak op papier"),
    (P3, B, BF + "Draagvlak", "Dat hoor ik best vaak: weer iets erbij.", "werkdruk in teams"),
    (P3, B, BF + "Open houding", "wat we geleerd hebben is dat je het niet moet brengen als iets erbij. Dus we proberen echt aan te sluiten bij wat ze al doen.", ""),
    (P3, B, BF + "Persoonlijke betrokkenheid trekker", "En wat ook helpt, eh, is dat er in een team één iemand is die trekt. Een ambassadeur noemen wij dat.", ""),
    (P3, B, BF + "Persoonlijke betrokkenheid trekker", "en binnen een half jaar was het eigenlijk, ja, was het weg. Niemand voelde zich meer eigenaar.", "vertrek van de trekker"),
    (P3, B, BF + "Inbedding", "wat los naast het curriculum staat, dat overleeft het niet.", ""),
    (P3, B, VIC + "Doelgroep", "De studenten die komen, dat zijn vaak de studenten die het eigenlijk al best goed doen, die nieuwsgierig zijn. De studenten die het het hardst nodig hebben, die zie je niet.", "bereik"),
    (P3, B, BF + "Inbedding", "Bij twee opleidingen zit het nu echt in het eerste jaar, in de slb-lijn.", ""),
    (P3, B, BF + "Communicatie", "Maar als je studenten vraagt: ken je het Welzijnslab? Dan zegt een heel groot deel nee.", ""),
    (P3, B, BF + "Communicatie", "Dus die mondelinge, eh, die persoonlijke communicatie werkt veel beter dan alle kanalen die we hebben.", ""),
    (P3, B, BF + "Draagvlak", "dan zie je docenten, eh, dan zie je ze echt anders luisteren. Dat is veel sterker dan wanneer ik met cijfers kom.", "ervaringsverhaal van studenten"),
    (P3, B, VIC + "Vorm", "we hebben een groep van, nu zijn het zeven studenten, van verschillende opleidingen. Die krijgen een kleine vergoeding, of studiepunten via een keuzeonderdeel, dat verschilt.", "studenten als co-ontwerpers"),
    (P3, B, VIC + "Inhoud", "het bespreekbaar maken van welzijn, dat het normaal wordt om te zeggen dat het niet goed gaat.", ""),
    (P3, B, VIC + "Context", "Want wat we steeds horen is dat eenzaamheid een heel groot thema is.", ""),
    (P3, B, VIC + "Context", "Een opleiding met veel stage, met werkend leren, daar zijn studenten de helft van de tijd niet op school.", "verschillen tussen opleidingen"),
    (P3, B, BF + "Open houding", "Dus we hebben gemerkt dat je het echt per opleiding moet aanpassen.", ""),
    (P3, B, VIC + "Vorm", "Bij, eh, bij een opleiding met veel stage hebben we de check-in verplaatst naar de terugkomdagen.", ""),
    (P3, B, BF + "Capaciteit en scholing", "Capaciteit is krap. Ik heb zelf, eh, ik heb een aanstelling van zestien uur voor het lab.", ""),
    (P3, B, BF + "Tijd", "Docenten willen wel, maar ze hebben geen uren in hun taakbeleid. Dus het wordt vrijwilligerswerk, en vrijwilligerswerk houdt het niet lang vol.", ""),
    (P3, B, BF + "Capaciteit en scholing", "het eerste dagdeel gaat over signaleren, dus hoe merk je dat een student het moeilijk heeft, en wat is je rol daarin.", ""),
    (P3, B, BF + "Open houding", "Nu zie je dat meer docenten snappen dat het ook met hun onderwijs te maken heeft.", ""),
    (P3, B, BF + "Tijd", "Een projectsubsidie loopt twee jaar, en in die twee jaar moet je ontwikkelen, testen, evalueren en inbedden. Dat is eigenlijk niet te doen.", ""),
    (P3, B, BF + "Financiële middelen", "Die onzekerheid over financiering, die werkt echt door in het draagvlak.", "verband financiering en draagvlak"),
    (P3, B, UIT + "Welzijn studenten", "studenten zeggen dat het bespreekbaar is geworden. Dat ze zich minder alleen voelen. Dat ze weten waar ze heen kunnen.", ""),
    (P3, B, UIT + "Bijeffecten", "Een docent zei tegen mij: vroeger liep ik weg als een student emotioneel werd, nu blijf ik zitten en vraag ik wat er is.", "effect op docenten"),
    (P3, B, UIT + "Bijeffecten", "één ding wat we niet verwacht hadden is dat sommige docenten juist meer belast raakten.", ""),
    (P3, B, UIT + "Bijeffecten", "En een ander ding is dat de wachtlijst bij de studentenpsychologen, eh, die is niet korter geworden. Eerder langer.", ""),
    (P3, B, BF + "Inbedding", "Nu is het helder: wij doen preventie en bespreekbaar maken, zij doen de hulp bij specifieke vragen en als het echt acuut is.", "taakverdeling met psychologen"),
    (P3, B, "Overig / Aanbevelingen", "Dus eh, onderop en bovenaf tegelijk, dat zou ik anders doen.", ""),
    (P3, B, "Overig / Aanbevelingen", "ga met je studenten om tafel en kijk wat bij jullie past.", ""),
    (P3, B, UIT + "Borging", "Dat het niet meer een project is, maar gewoon hoe we hier met studenten omgaan.", ""),
    # ---------------------------------------------------------------- FG01 (Anouk)
    (F1, A, NEG + " / Eenzaamheid", "Ik kende niemand in de stad, ik kom uit Zeeland, dus ik dacht, het is in ieder geval iemand die ik ken.", "fase voor"),
    (F1, A, SG + "Studieloopbaanbegeleider", "Bij mij was het mijn slb'er. Die zei in het eerste gesprek: je kunt ook een peercoach krijgen.", "toeleiding"),
    (F1, A, CM + "E-mail", "Ik kreeg een mail. Gewoon een mail dat het bestond.", ""),
    (F1, A, NEG, "Ik woonde net op kamers, ik had heimwee, wat ik eigenlijk niet had verwacht", "heimwee"),
    (F1, A, SG + "Moeder", "En mijn moeder zei: er is toch iets voor eerstejaars, kijk daar eens naar.", ""),
    (F1, A, VW + "Emotioneel", 'Ik was ook een beetje bang, eh, dat het zou voelen als hulpverlening. Dat je dan zo\'n "geval" bent.', "drempel: stigma"),
    (F1, A, CM + "Face-to-face", "En meestal in de kantine, of gewoon, eh, koffie drinken in de stad.", ""),
    (F1, A, SG + "Medestudenten", "Mijn coach was, eh, ik noem haar even [naam coach], die was derdejaars van dezelfde opleiding.", "peercoach"),
    (F1, A, CM + "App", "Bij mij is het eigenlijk vooral appen. We hebben twee keer echt afgesproken.", ""),
    (F1, A, GZ + "Praten", "We liepen dan vaak een rondje, want mijn coach zei: lopen praat makkelijker dan tegenover elkaar zitten.", "wandelgesprek"),
    (F1, A, NEG + " / Slechte studieresultaten", "Want in het tweede blok ging het eigenlijk best slecht met mijn studie, ik heb drie tentamens niet gehaald.", ""),
    (F1, A, GSO + "Niet tot last willen zijn", "Maar toen vond ik het een beetje, ja, raar om weer contact op te nemen. Na al die tijd.", "afhaken"),
    (F1, A, GSG + "Persoonlijke aandacht en emotionele steun", "Mijn coach, eh, die stuurt elke week een berichtje. Gewoon, hoe was je week, heb je ergens hulp bij nodig.", "coach neemt initiatief"),
    (F1, A, GSO + "Niet tot last willen zijn", "ik ben niet zo van om hulp vragen. Ik ben gewend om het zelf op te lossen.", ""),
    (F1, A, VW + "Communicatief", "Dan ga je niet uit jezelf je coach appen van, eh, hé, het gaat slecht. Denk ik. Dan moet iemand het aan jou vragen.", "initiatief bij de coach"),
    (F1, A, GSG + "Mentale en cognitieve steun", "En zij liet mij haar planning zien, hoe zij dat deed, met blokken in haar agenda.", ""),
    (F1, A, GSG + "Praktische steun", "zij heeft mij meegenomen naar een, eh, naar een activiteit van de studievereniging.", ""),
    (F1, A, SG + "Lotgenoten", "En mijn coach had dat ook gehad, die vertelde dat ze in haar eerste jaar een keer een presentatie niet had kunnen doen, dat ze was weggelopen.", "ervaringsdeskundige peer"),
    (F1, A, EF + "Cognitieve en mentale hulp", "Dat iemand die nu in het derde jaar zit en het gewoon goed doet, dat die dat ook had gehad. Dan denk je, oké, het kan dus.", ""),
    (F1, A, VW + "Relationeel", "Het is niet een docent die je beoordeelt. Het is niet een psycholoog waar je een, eh, een dossier hebt. Het is gewoon iemand zoals jij, maar een paar jaar verder.", "gelijkwaardigheid"),
    (F1, A, VW + "Communicatief", "Als ik huilde, zei ze niet, o jee, je moet naar de psycholoog. Ze zei gewoon: ja, dat is ook kut.", ""),
    (F1, A, VW + "Praktisch", "Wat ik lastig vond, eh, is dat het na een half jaar ophield.", "duur"),
    (F1, A, GSG + "Mentale en cognitieve steun", "zij zei niet: je moet blijven, ze zei: neem er een week de tijd voor, en praat erover met je slb'er.", ""),
    (F1, A, GSG + "Praktische steun", "Letterlijk, eigenlijk, de eerste keer is ze meegelopen tot aan de deur.", "brug naar psycholoog"),
    (F1, A, EF + "Emotionele opluchting", "Voor mij was het meer, eh, ik voelde me minder alleen.", ""),
    (F1, A, GSG + "Praktische steun", "En zij heeft dat gewoon samen met mij op haar laptop gedaan.", ""),
    (F1, A, EF + "Emotionele opluchting", "Maar daarna kon ik weer slapen.", ""),
    (F1, A, EFFECT, "Maar ik zou niet zeggen dat het mijn welzijn heeft verbeterd. Het is meer, eh, handig.", "geen effect op welzijn"),
    (F1, A, EFFECT, "Ik voel me nu echt, eh, thuis hier. En dat komt echt door haar, en door de mensen die ik via haar heb leren kennen.", "binding (fase na)"),
    (F1, A, GZ + "Leuke dingen samen doen", "Ik ben een keer mee geweest naar een borrel, wat ik anders nooit zou doen", ""),
    (F1, A, GSO + "Om hulp vragen", "Een bijeffect voor mij is dat ik, eh, ik vraag nu sneller hulp. Ook aan docenten.", "positief bijeffect"),
    (F1, A, EFFECT, "ik voelde me een beetje, ja, schuldig, toen ik stopte met reageren.", "negatief bijeffect"),
    (F1, A, VW + "Relationeel", "Als coach mag je niet zomaar aan de slb'er vertellen wat iemand tegen jou zegt. Dat is ook heel belangrijk, anders vertelt niemand je nog iets.", "vertrouwelijkheid"),
    (F1, A, VW + "Relationeel", "Maar als je bij de aanmelding kunt aangeven wat je belangrijk vindt, bijvoorbeeld dat je van ver komt, of dat je wat ouder bent, of dat je iets met stress hebt, dan kun je beter matchen.", "matching"),
    # ---------------------------------------------------------------- FG02 (Bram)
    (F2, B, CM + "E-mail", "Bij mij was het, eh, gewoon een mail van de universiteit.", ""),
    (F2, B, NEG, "Ik scoorde vrij hoog op somberheid en op stress.", "uitslag vragenlijst"),
    (F2, B, NEG, "Ik sliep slecht, ik was veel aan het piekeren over mijn scriptie.", ""),
    (F2, B, NEG + " / Slechte studieresultaten", "Ik had een gesprek omdat ik achterliep met vakken, ik had in het eerste blok twee vakken niet gehaald.", ""),
    (F2, B, SG + "Studieloopbaanbegeleider", "Bij mij was het mijn studieadviseur.", "studieadviseur"),
    (F2, B, VW + "Emotioneel", "En ik vond dat anonieme wel prettig. Ik wilde niet, eh, ik wilde niet meteen naar een psycholoog. Dat voelde te groot.", "anonimiteit"),
    (F2, B, NEG, "Lange dagen, een sfeer op de afdeling die niet fijn was.", "coschappen"),
    (F2, B, VW + "Emotioneel", "Als je zegt dat je het zwaar hebt, dan ben je een beetje, ja, zwak.", "cultuur: het moet aankunnen"),
    (F2, B, GSO + "Niet tot last willen zijn", "Je vertelt niet aan je jaargenoten dat je het niet trekt.", ""),
    (F2, B, GZ + "Praten", "iedereen heeft het zwaar, dus je klaagt gewoon samen.", ""),
    (F2, B, GSG + "Mentale en cognitieve steun", "Bijvoorbeeld een dagboekje bijhouden van je activiteiten en hoe je je daarbij voelde.", "opdracht uit de module"),
    (F2, B, EF + "Cognitieve en mentale hulp", "En toen ik dat opschreef, zag ik het zwart op wit.", ""),
    (F2, B, VW + "Praktisch", "En toen, eh, toen kwam de tentamenperiode, en toen had ik er geen tijd meer voor.", "afhaken"),
    (F2, B, NEG + " / Eenzaamheid", "Ik zat 's avonds achter mijn laptop in mijn kamer oefeningen te doen over stress, en dan dacht ik: ik zit hier alleen.", "online alleen"),
    (F2, B, VW + "Communicatief", "het voelde niet alsof die persoon mij echt kende.", "algemene feedback"),
    (F2, B, GSG + "Persoonlijke aandacht en emotionele steun", "Mijn coach schreef echt, eh, persoonlijke dingen terug. Ze verwees naar wat ik had opgeschreven.", ""),
    (F2, B, GZ + "Leuke dingen samen doen", "Dat ik bijvoorbeeld op woensdag was gaan wandelen met een vriendin en dat ik me daarna beter voelde", ""),
    (F2, B, VW + "Emotioneel", "omdat ik het echt helemaal voor mezelf wilde houden.", "zonder begeleiding"),
    (F2, B, CM + "App", "Op mijn telefoon, in bed.", "online programma"),
    (F2, B, VW + "Praktisch", "Het kon om elf uur 's avonds.", "altijd beschikbaar"),
    (F2, B, VW + "Praktisch", "Maar dat is, eh, een link onderaan de pagina. Dat is geen stap.", "geen warme overstap"),
    (F2, B, GSG + "Mentale en cognitieve steun", "je scores zijn nog steeds vrij hoog, heb je overwogen om met je huisarts te praten?", "doorverwijzing door online coach"),
    (F2, B, SG + "Huisarts", "Ik ben naar de huisarts gegaan, en die heeft me doorverwezen naar een praktijkondersteuner.", ""),
    (F2, B, EFFECT, "Ik sliep na een paar weken echt beter.", "welzijn"),
    (F2, B, EF + "Cognitieve en mentale hulp", "Dat gaf, eh, een soort controle terug.", ""),
    (F2, B, EF + "Cognitieve en mentale hulp", "Ik weet nu dat ik, als ik stress heb, alles ga schrappen wat leuk is.", ""),
    (F2, B, GSG + "Praktische steun", "Minder vakken tegelijk. En dat heb ik met mijn studieadviseur geregeld, niet via het programma.", ""),
    (F2, B, VW + "Communicatief", "Niet een mail, maar een mens.", ""),
    (F2, B, SG + "Medestudenten", "Maar ik heb het er wel met een mede-coassistent over gehad.", ""),
    (F2, B, GZ + "Praten", "dat gesprek was misschien wel waardevoller dan de module zelf.", "bijeffect: gesprek"),
    (F2, B, EFFECT, "voel ik me misschien wel iets meer gezien door de universiteit.", "binding"),
    (F2, B, EFFECT, "Ik voelde me een beetje, eh, schuldig, omdat ik de module niet had afgemaakt.", "negatief bijeffect"),
    (F2, B, VW + "Relationeel", "Ik vroeg me wel af, eh, wie kan dit zien?", "privacy"),
    (F2, B, GSO + "Om hulp vragen", "als het niet genoeg is, ga dan naar iemand toe. Wacht niet te lang.", ""),
    # ---------------------------------------------------------------- SI01 (Anouk)
    (S1, A, NEG + " / Familieomstandigheden", "Mijn opa is overleden in de zomer, en daar was ik heel erg close mee", "rouw"),
    (S1, A, NEG + " / Slechte studieresultaten", "toen heb ik een project niet afgemaakt, en twee tentamens gemist.", ""),
    (S1, A, GSO + "Niet tot last willen zijn", "Ik dacht eerst: ik ga gewoon door, het is al goed.", ""),
    (S1, A, SG + "Studieloopbaanbegeleider", "Die stuurde me een mail, na die tentamens, van: ik zie dat je een aantal dingen hebt gemist, kunnen we even praten?", "slb'er neemt initiatief"),
    (S1, A, CM + "E-mail", "Die stuurde me een mail, na die tentamens, van: ik zie dat je een aantal dingen hebt gemist, kunnen we even praten?", ""),
    (S1, A, GSO + "Niet tot last willen zijn", "Ik durfde niet. Ik dacht: nu krijg ik op mijn kop.", ""),
    (S1, A, GSG + "Persoonlijke aandacht en emotionele steun", "in het gesprek was ze eigenlijk heel aardig. Ze vroeg gewoon hoe het ging.", ""),
    (S1, A, GSO + "Uitspreken", "En toen heb ik het verteld, van mijn opa.", ""),
    (S1, A, VW + "Emotioneel", "Ik dacht: een groep, met allemaal mensen die het moeilijk hebben, in een kringetje, ik moet er niet aan denken.", "drempel groepsvorm"),
    (S1, A, VW + "Communicatief", "Maar ze zei: probeer de eerste keer, als het niks is, hoef je niet terug.", ""),
    (S1, A, VW + "Relationeel", "Dat wat in de groep besproken wordt, in de groep blijft. En dat je niet hoeft te vertellen wat je niet wilt vertellen.", "veiligheid in de groep"),
    (S1, A, SG + "Lotgenoten", "bij haar was het ziekte, ze was zelf lang ziek geweest.", ""),
    (S1, A, EF + "Emotionele opluchting", "En toen we dat aan elkaar vertelden, dacht ik: oké, het is niet alleen ik.", "herkenning"),
    (S1, A, GSG + "Mentale en cognitieve steun", "wat zou je tegen een vriend zeggen die zijn opa had verloren en twee tentamens miste?", "trainer"),
    (S1, A, EF + "Cognitieve en mentale hulp", "Ik ben eigenlijk heel streng voor mezelf. Dat wist ik wel, maar ik had het nooit zo gezien.", ""),
    (S1, A, GSG + "Mentale en cognitieve steun", "Niet meteen alles willen inhalen, maar kleine stappen.", ""),
    (S1, A, SG + "Vader", "Mijn vader zegt altijd: gewoon doorgaan, jongen.", ""),
    (S1, A, GSO + "Uitspreken", "een vriend van me, eh, ik noem hem even Jesse, verteld hoe het echt ging.", "opdracht uit de training"),
    (S1, A, SG + "Vrienden", "Hij had het zelf ook zwaar gehad vorig jaar, met zijn studie. Dat wist ik helemaal niet.", ""),
    (S1, A, GZ + "Praten", "Bij het voetballen eigenlijk, daarna, in de kantine.", ""),
    (S1, A, VW + "Communicatief", "Ze doet niet alsof alles goed komt. Ze neemt je serieus.", ""),
    (S1, A, VW + "Praktisch", "Het is op donderdagmiddag, van drie tot half vijf. En dat botst bij mij met een practicum.", "rooster"),
    (S1, A, SG + "Decaan", "heeft de decaan geregeld dat ik die twee tentamens in de herkansingsperiode mag doen zonder dat dat als tweede kans telt.", ""),
    (S1, A, GSG + "Praktische steun", "heeft de decaan geregeld dat ik die twee tentamens in de herkansingsperiode mag doen zonder dat dat als tweede kans telt.", ""),
    (S1, A, VW + "Praktisch", "Ik had een afspraak, maar die was pas na drie weken. En in die drie weken zat ik echt te stressen.", "wachttijd"),
    (S1, A, VW + "Relationeel", "Op dat moment voelde het alsof ze me niet geloofden.", "bewijs van verdriet"),
    (S1, A, EF + "Cognitieve en mentale hulp", "Maar ik merk het nu sneller. Dan denk ik: o ja, dat is weer die gedachte.", ""),
    (S1, A, SG + "Moeder", "een beetje bij mijn moeder. Zij is ook, eh, het was haar vader. Dus we hebben het er wel eens over.", ""),
    (S1, A, VW + "Emotioneel", "Als ik naar een psycholoog ga, dan, eh, dan is er iets mis met me.", "drempel psycholoog"),
    (S1, A, CM + "App", "met een paar mensen uit de groep heb ik nu ook een appgroepje.", ""),
    (S1, A, EFFECT, "Maar ze weten wel meer over mij dan de meeste mensen in mijn klas. Dat is een beetje, eh, een gekke verbinding. Maar wel een fijne.", "binding"),
    (S1, A, GSO + "Niet tot last willen zijn", "Ik had zelf nooit hulp gevraagd.", ""),
    (S1, A, VW + "Communicatief", "dat iemand het ziet en er iets mee doet, dat is eigenlijk het begin geweest van alles.", "proactief benaderen"),
    # ---------------------------------------------------------------- NI02 (Bram)
    (N2, B, POS + " / Nieuwe start", "Ik kende niemand, dus dat was wel een nieuwe start of zo.", ""),
    (N2, B, NEG + " / Pesten", "Hij maakte grappen over mij, over hoe ik praat.", ""),
    (N2, B, NEG + " / Pesten", "Maar toen ging hij ook dingen in de groepsapp zetten. Filmpjes waar hij mij nadeed.", "online pesten"),
    (N2, B, NEG, "Ik heb me een paar keer ziek gemeld, terwijl ik niet ziek was.", "verzuim"),
    (N2, B, GSO + "Niet tot last willen zijn", "Ik dacht: als ik het vertel, dan word ik een verrader of zo.", "angst dat het erger wordt"),
    (N2, B, VW + "Relationeel", "En op mijn oude school, als je iets zei tegen een docent, dan gebeurde er toch niks.", "weinig vertrouwen in school"),
    (N2, B, SG + "Mentor", "Die kende ik wel, die is wel oké.", ""),
    (N2, B, GSO + "Uitspreken", "En toen heb ik het verteld. Van die grappen, en die filmpjes.", ""),
    (N2, B, GSG + "Persoonlijke aandacht en emotionele steun", "En toen zei ze: het maakt wel uit.", ""),
    (N2, B, VW + "Emotioneel", "Als ze had gezegd: je moet, dan was ik denk ik weggelopen.", "vrijwilligheid"),
    (N2, B, GSO + "Niet tot last willen zijn", "En ik zei: je hebt het al zo druk.", ""),
    (N2, B, NEG + " / Familieomstandigheden", "Want mijn moeder is alleen, met mij en mijn twee zusjes. Mijn vader woont in het buitenland, die zie ik bijna nooit.", ""),
    (N2, B, SG + "Moeder", "Ze ging naast me zitten en ze zei dat ik altijd bij haar kon komen.", ""),
    (N2, B, GSG + "Persoonlijke aandacht en emotionele steun", "En ze heeft die avond voor mij mijn lievelingseten gemaakt", ""),
    (N2, B, SG + "Vrienden", "Die zit niet op deze school, die ken ik van voetbal.", ""),
    (N2, B, GZ + "Leuke dingen samen doen", "En we gingen gewoon samen voetballen, in het park, elke dag bijna.", ""),
    (N2, B, EF + "Emotionele opluchting", "Dan dacht ik er even niet aan. Dat hielp echt.", "afleiding"),
    (N2, B, SG + "Grootouders", "Bij mijn oma kon ik altijd terecht.", ""),
    (N2, B, GZ + "Tijd samen doorbrengen", "Dan zat ik daar en dan keken we tv, en zei ze niks. Gewoon thee en een koekje.", ""),
    (N2, B, VW + "Communicatief", "Maar hij deed het wel rustig. Niet van die moeilijke woorden.", "herstelcoördinator"),
    (N2, B, GSO + "Uitspreken", "En ik heb gezegd dat die filmpjes mij echt pijn deden. Dat ik daarom niet naar school ging.", "herstelgesprek"),
    (N2, B, EF + "Emotionele opluchting", "het was alsof er iets van me af viel. Echt. Ik kwam naar buiten en ik dacht: het is klaar. Ik hoef niet meer bang te zijn.", ""),
    (N2, B, EFFECT, "En ik werd niet weggestuurd. Dat was voor mij echt nieuw.", "binding"),
    (N2, B, GSG + "Praktische steun", "Maar mijn mentor heeft een lijstje met me gemaakt, wat ik nog moest doen en wanneer.", ""),
    (N2, B, VW + "Relationeel", "dat ze me geloofde. Dat ze niet meteen dacht: hij is de probleemjongen.", ""),
    (N2, B, VW + "Communicatief", "Ze zei: wat jij deed, was niet goed, maar wat hij deed ook niet. Ze koos niet zomaar een kant.", ""),
    (N2, B, CM + "App", "En ik kon haar gewoon appen, als er iets was.", ""),
    (N2, B, GSO + "Uitspreken", "Ik zeg nu sneller iets. Als er iets is, dan loop ik even naar mijn mentor.", "gedragsverandering"),
    (N2, B, GZ + "Lachen", "Soms zegt iemand iets grappigs en dan lacht iedereen, maar op een goede manier, niet om iemand.", "kring in de klas"),
    (N2, B, EFFECT, "Het voelt meer als een groep nu. Vroeger was het meer ieder voor zich.", "binding in de klas"),
    (N2, B, SG + "Collega's", "Alleen mijn collega, die ouder is, die vroeg een keer waarom ik zo chagrijnig was.", ""),
    (N2, B, VW + "Praktisch", "En dat duurde ook best lang, die week voor het gesprek.", "wachttijd"),
    (N2, B, GSO + "Om hulp vragen", "zeg het gewoon tegen iemand. Tegen een mentor of zo.", "advies aan anderen"),
    # ---------------------------------------------------------------- NI03 (Anouk)
    (N3, A, NEG + " / Ziekte", "Mijn moeder was toen net, eh, een paar maanden daarvoor, ziek geworden. Ze had borstkanker.", ""),
    (N3, A, NEG + " / Familieomstandigheden", "En ik moest voor mijn broertje zorgen, hij is dertien, hem van voetbal halen, koken.", "mantelzorg"),
    (N3, A, NEG + " / Slechte studieresultaten", "En ik had die dag ook een cijfer teruggekregen, een onvoldoende voor een verslag waar ik heel hard aan had gewerkt.", ""),
    (N3, A, GSO + "Niet tot last willen zijn", "Mijn moeder is ziek, dan moet ik sterk zijn.", ""),
    (N3, A, CM + "E-mail", "Ik kreeg een mail van de hogeschool, een vragenlijst over hoe het met je gaat.", "Welzijnsmonitor"),
    (N3, A, GSO + "Niet tot last willen zijn", "ik wilde niemand lastigvallen, denk ik. Iedereen heeft het druk.", ""),
    (N3, A, CM + "Teams", "En een week later kreeg ik een berichtje van mijn slb'er via Teams.", ""),
    (N3, A, SG + "Studieloopbaanbegeleider", "Of ik een keer langs wilde komen, gewoon om even te praten.", "slb'er reageert op uitslag"),
    (N3, A, EF + "Emotionele opluchting", "Maar het was alsof iemand de beslissing voor mij had genomen. Ik hoefde zelf niet te zeggen: ik heb hulp nodig.", ""),
    (N3, A, GSG + "Persoonlijke aandacht en emotionele steun", "ik heb je uitslag gezien, en ik wil vooral weten hoe het met je gaat, niet met je studie.", ""),
    (N3, A, CM + "Face-to-face", "Als het via Teams was geweest, dan had ik denk ik niet zoveel verteld.", "voorkeur face-to-face"),
    (N3, A, GSO + "Uitspreken", "Dat mijn moeder ziek was. En dat ik thuis heel veel deed.", ""),
    (N3, A, GSG + "Persoonlijke aandacht en emotionele steun", "Ze liet me gewoon huilen. Ze zei niks. Ze schoof een doos tissues naar me toe.", ""),
    (N3, A, EF + "Emotionele opluchting", "dat voelde alsof ik eindelijk mocht toegeven dat het zwaar was.", ""),
    (N3, A, GSG + "Mentale en cognitieve steun", "Ze heeft me geholpen om een, eh, een overzicht te maken.", ""),
    (N3, A, EF + "Cognitieve en mentale hulp", "Ik had het gevoel dat ik overal achter liep, maar toen we het op papier zetten, bleek het eigenlijk mee te vallen.", ""),
    (N3, A, GSG + "Praktische steun", "En zij zou contact opnemen met de docent van dat verslag, of ik het mocht herkansen met een beetje meer tijd.", ""),
    (N3, A, SG + "Vrienden", "We kennen elkaar al sinds de basisschool.", "beste vriendin"),
    (N3, A, GZ + "Tijd samen doorbrengen", "Ze kwam langs, ze nam ijs mee, we keken series.", ""),
    (N3, A, GZ + "Lachen", "Dat we gewoon, eh, lachten om stomme dingen.", ""),
    (N3, A, CM + "App", "Vooral via de app. Elke dag wel.", ""),
    (N3, A, CM + "Telefoon", "En als het echt slecht ging, belde ik haar.", ""),
    (N3, A, GSO + "Niet tot last willen zijn", "Ik voel me snel schuldig. Dat ik haar lastigviel.", ""),
    (N3, A, SG + "Moeder", "je hoeft niet voor mij te zorgen, ik ben de moeder.", "keerpunt"),
    (N3, A, GSG + "Praktische steun", "En zij heeft toen ook geregeld dat mijn tante soms kwam koken.", ""),
    (N3, A, VW + "Communicatief", "Maar ik had het gevoel dat hij niet echt luisterde. Hij keek de hele tijd op zijn scherm.", "huisarts"),
    (N3, A, SG + "Psycholoog", "En toen ben ik, eh, uiteindelijk toch naar de studentenpsycholoog gegaan.", ""),
    (N3, A, GSG + "Praktische steun", "En ze heeft toen zelf een afspraak voor me gemaakt bij de studentenpsycholoog.", ""),
    (N3, A, GSO + "Niet tot last willen zijn", "Ik vraag zelf nooit om hulp. Het wordt me steeds aangeboden.", "patroon"),
    (N3, A, EF + "Cognitieve en mentale hulp", "Dat ik zag dat ik heel veel op me nam wat eigenlijk niet van mij was.", ""),
    (N3, A, GSO + "Om hulp vragen", "Ik heb uiteindelijk een klasgenoot gevraagd of ik haar aantekeningen mocht lenen.", "oefenopdracht psycholoog"),
    (N3, A, VW + "Praktisch", "Ik moest steeds mijn verhaal opnieuw vertellen.", "geen regie over de keten"),
    (N3, A, EF + "Emotionele opluchting", "En ik voel me, eh, lichter.", ""),
    (N3, A, VW + "Relationeel", "vertrouwen, denk ik. Dat je weet dat het niet verder gaat.", ""),
    (N3, A, VW + "Communicatief", "Een mail met links, daar doe je niks mee als je je slecht voelt. Een berichtje van een persoon, ja.", ""),
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


INTERVIEWERS = {"I", "Interviewer", "Moderator", "Gespreksleider"}
TURN = re.compile(r"(?:\[[0-9:]+\]\s*)?([^:\n]{1,30}):")


def check_turn(text, start, end, doc, quote):
    """A quote must lie within one turn of a respondent, student or participant."""
    para_start = text.rfind("\n", 0, start) + 1
    if "\n" in text[start:end]:
        raise SystemExit(f"quote spans more than one turn in {doc}: {quote!r}")
    turn = TURN.match(text, para_start)
    if turn is None or turn.group(1).strip() in INTERVIEWERS:
        raise SystemExit(f"quote is not in a respondent's turn in {doc}: {quote!r}")


def summarise(rows):
    """Print counts per coder/document and a rough agreement breakdown."""
    docs = sorted({r["document"] for r in rows})
    for doc in docs:
        a = [r for r in rows if r["document"] == doc and r["coder"] == A]
        b = [r for r in rows if r["document"] == doc and r["coder"] == B]
        if not a or not b:
            print(f"{doc}: Anouk={len(a)} Bram={len(b)} | coded by one coder")
            continue
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
        check_turn(texts[doc], start, end, doc, quote)
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
