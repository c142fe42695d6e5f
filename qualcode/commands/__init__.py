"""One module per command group of the ``qualcode`` command line."""
