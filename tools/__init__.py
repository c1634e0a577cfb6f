"""Helpers shared by the tests, the MkDocs hooks and the scripts of this knowledge base."""
