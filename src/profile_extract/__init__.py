"""profile-extract: scraped cluster-organisation profiles to validated, source-grounded records."""

__version__ = "0.1.0"
