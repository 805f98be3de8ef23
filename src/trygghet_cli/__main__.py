"""`python -m trygghet_cli`."""

from trygghet_cli.entry import main

if __name__ == "__main__":
    main()
