"""The editors of the right-hand side: structured Content form, rules, objects, raw XML."""
