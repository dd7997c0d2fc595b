"""Shrinks the README's screenshot (tests/e2e/expected/viewer-1400.png) for git: 128 colours,
no dithering (a page of flat colours and text), optimised PNG — about a third of Chromium's
file, well within the e2e comparison's tolerance. Needs Pillow (PyPI); the e2e suite runs it
after UPDATE_SCREENSHOT=1 writes the screenshot, and says so when Pillow is missing.

    python3 tests/e2e/shrink-screenshot.py tests/e2e/expected/viewer-1400.png
"""
import sys

from PIL import Image

path = sys.argv[1]
image = Image.open(path).convert('RGB')
image.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(path, optimize=True)
