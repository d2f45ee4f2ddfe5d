"""Generative ops on diffusers pipelines. Importing this package is light; torch and diffusers are
imported inside the functions that load or run a model."""
