"""``python -m qualcode.io.anonymise``: build deduce's lookup lists now if needed, saying so."""

from qualcode.io.anonymise.engine import main

raise SystemExit(main())
