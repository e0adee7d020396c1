"""How many participants a workshop server (``klantreis app``) prepares for: it keeps
a warm kernel ready for each (see :mod:`klantreis.app.kernels`). Kept free of
imports, so the command line can show the default without loading the app."""

#: Warm kernels kept ready when ``--participants`` is not given.
DEFAULT_PARTICIPANTS = 4
#: The most ``--participants`` accepts: each warm kernel holds ~150 MB of memory, and
#: while a room moves on to the next step its old and new pages' kernels run side by side.
MAX_PARTICIPANTS = 60
