"""The ``pantau`` command: wires crawl, extract, classify and store together."""

__version__ = "0.1.0"
