"""catalog-desktop: a cataloguing workstation for the Flemish public libraries.

The core packages (marc, vocab, catalogue, suggest, labels, cli) import no Qt; the window in
``catalog_desktop.gui`` is a thin shell over them.
"""

__version__ = "0.1.0"
