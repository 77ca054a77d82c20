"""cooperation_graph: Vietnamese news on inter-provincial cooperation -> evidenced RDF graph."""

from pathlib import Path

__version__ = "0.1.0"

_REPOSITORY = Path(__file__).resolve().parent.parent
#: The ontology, shapes and reference tables: the repository's ``data/`` folder when the package
#: runs from a checkout (editable install), else the copies a wheel carries (see ``setup.py``).
DATA_DIR = (_REPOSITORY / "data" if (_REPOSITORY / "data" / "ontology.ttl").is_file()
            else Path(__file__).resolve().parent / "_data")
