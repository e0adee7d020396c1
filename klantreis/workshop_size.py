"""How many participants a workshop server (``klantreis app``) prepares for: it keeps
a warm kernel ready for each (see :mod:`klantreis.app.kernels`). Kept free of
imports, so the command line can show the default without loading the app."""

#: Warm kernels kept ready when ``--participants`` is not given.
DEFAULT_PARTICIPANTS = 4
#: The memory (MB) one page's kernel holds, as the workshop benchmark measured it.
KERNEL_MB = 175
#: The most ``--participants`` accepts: each warm kernel holds ``KERNEL_MB``, and while a
#: room moves on to the next step its old and new pages' kernels run side by side.
MAX_PARTICIPANTS = 60
#: The most warm kernels the start page's visitors make the pool grow to
#: (``--participants`` may ask for more).
ROOM_GROWS_TO = 30
