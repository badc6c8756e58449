"""Pure-Python domain logic of CIM Twin.

Nothing in this package may import ``qgis`` or any Qt binding: the layout test
(tests/test_code_layout.py) fails the build if it does.
"""
