"""The version of klantreis and of the project-file format it reads and writes."""

__version__ = "0.1.0"

#: The project-file format version (the ``klantreis:`` key). A file with a higher
#: number is refused with a message saying a newer klantreis is needed.
FORMAT_VERSION = 1
