"""Shared foundation of Pantau: the data model, errors, sources and the gazetteer.

Every stage package imports from here; nothing here imports a stage.
"""
