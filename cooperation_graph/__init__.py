"""cooperation_graph: Vietnamese news on inter-provincial cooperation -> evidenced RDF graph."""

__version__ = "0.1.0"
