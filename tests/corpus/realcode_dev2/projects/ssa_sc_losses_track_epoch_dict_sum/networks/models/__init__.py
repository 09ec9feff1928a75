"""part of positive project [LG006]: package marker."""
# Source: https://github.com/jokester-zzz/SSA-SC at ed5298dabf0ab9b1675031b04e62080664e673ad; empty.
