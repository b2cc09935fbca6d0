"""Narrow exception types; the command line turns each into one line and an exit code."""


class PantauError(Exception):
    """A failure of the work (exit status 1)."""


class UsageError(PantauError):
    """The user asked for something that cannot be done as asked (exit status 2)."""


class SourcesError(UsageError):
    """The sources file is missing, malformed or inconsistent."""


class NotAnArticle(PantauError):
    """A page holds no article text worth keeping."""


class StoreError(PantauError):
    """The database cannot be opened, migrated or written."""


class ReadOnlyQuery(UsageError):
    """A query given to ``pantau sql`` would change the database."""


class LockHeld(PantauError):
    """Another run holds the database's lock file."""


class HostileInput(PantauError):
    """A fetched document is built to harm its reader: XML entity tricks, decompression bombs."""
