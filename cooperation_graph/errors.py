"""The project's own exceptions: the CLI turns each into a one-line message and an exit code."""


class CooperationGraphError(Exception):
    """Base of every error this package raises on purpose."""


class InputError(CooperationGraphError):
    """A file that cannot be read as an article: names the file and the problem."""

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class ExtractionError(CooperationGraphError):
    """Extraction failed on an article that could be read."""


class QueryError(CooperationGraphError):
    """A SPARQL query that cannot be run: syntax, unknown parameter, missing file."""


class StoreError(CooperationGraphError):
    """The triple store could not be opened, read or written."""
