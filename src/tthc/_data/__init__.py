"""The law as literals: tables with their sources, no logic. Imports only :mod:`tthc.legal`."""
