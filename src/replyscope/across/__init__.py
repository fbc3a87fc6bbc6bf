"""Across pages: copy-paste campaigns, commenters across articles and syndicated articles.

One module per job (campaigns.py, commenters.py, syndication.py, with minhash.py for the shared
near-duplicate machinery); stage.py runs them over a run directory.
"""
