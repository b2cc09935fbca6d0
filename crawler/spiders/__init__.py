"""Spiders: they discover and fetch; item pipelines do the rest."""
