"""quotestance: speaker, country, stance and sentiment of quoted statements in news."""

__version__ = "0.1.0"
