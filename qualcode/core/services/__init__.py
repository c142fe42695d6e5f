"""Named operations on a project, shared by the CLI and the GUI (no Qt here)."""
