"""Round-trip edits of data files that change only the lines they must, and atomic writes."""
