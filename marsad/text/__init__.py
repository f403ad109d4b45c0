"""The Arabic text layer: normalisation with offset maps, tokens, sentences, boilerplate."""
