"""The PySide6 desktop app. Thin: it calls core services and never writes SQL."""
