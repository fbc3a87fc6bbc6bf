"""replyscope: reader comments out of scraped pages, their stance and rhetoric, grouped and reported."""

__version__ = "0.1.0"
