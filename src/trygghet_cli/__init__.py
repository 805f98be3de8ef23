"""trygghet: crime-prevention cooperation data (agreements, pledges, activities) in git."""

__version__ = "0.1.0"
