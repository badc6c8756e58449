"""CIM Twin's Processing provider (id ``cimtwin``) and one module per algorithm."""
