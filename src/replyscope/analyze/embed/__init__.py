"""Sentence encoders: text in, unit-length vectors out."""
