"""Numbered schema changes, one module each: ``mNNNN_what.py`` holding the SQL
of that change for each backend (``SQLITE`` and ``POSTGRES``). ``migrate`` runs
those a database has not applied yet, in order, each in one transaction."""
