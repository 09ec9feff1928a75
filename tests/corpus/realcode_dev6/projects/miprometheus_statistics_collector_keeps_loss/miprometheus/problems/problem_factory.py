"""part of positive project [LG006]: problems are built from the configuration by class name; each computes its own loss."""
# Source: IBM/mi-prometheus@0cfa852df5 (the parent of d585f9a2, "Fixes #111", which stores loss.item()) miprometheus/problems/problem_factory.py (re-typed)
import inspect

import miprometheus.problems


class ProblemFactory(object):
    @staticmethod
    def build(params):
        name = params["name"]
        problem_class = getattr(miprometheus.problems, name)
        assert inspect.isclass(problem_class)
        return problem_class(params)
