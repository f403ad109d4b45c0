"""Data shipped with the package: the sample corpus with its gold, the gazetteer."""
