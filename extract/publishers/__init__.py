"""The publisher registry: overrides for the few sites generic extraction gets wrong.

Add a publisher here as data (name, domain, parser versions oldest first); the registry
refuses a domain registered twice. ``article_from_html`` asks ``PUBLISHERS.lookup(url)``
first and falls back to generic extraction when no parser version finds a body.
"""

from extract.publishers.base import Parser, Publisher, Registry, element_lines, field
from extract.publishers.detik import DetikV1, DetikV2

PUBLISHERS = Registry(
    [
        Publisher("detik", "detik.com", (DetikV1, DetikV2)),
    ]
)

__all__ = ["PUBLISHERS", "Parser", "Publisher", "Registry", "element_lines", "field"]
