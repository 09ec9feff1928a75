"""part of positive project [LG006]: the trainer builds the problem and the model from the configuration and makes the training statistics collector."""
# Source: IBM/mi-prometheus@0cfa852df5 (the parent of d585f9a2, "Fixes #111", which stores loss.item()) miprometheus/workers/trainer.py (re-typed: setup and initialize_statistics_collection; validation and checkpoints cut)
from miprometheus.problems.problem_factory import ProblemFactory
from miprometheus.utils.statistics_collector import StatisticsCollector
from miprometheus.workers.worker import Worker


class Trainer(Worker):
    def __init__(self, name="Trainer"):
        super(Trainer, self).__init__(name)

    def setup_experiment(self, params, model_factory, optimizer_class):
        self.params = params
        self.training_problem = ProblemFactory.build(params["training"]["problem"])
        self.training_dataloader = self.training_problem.create_dataloader(params["training"])
        self.model = model_factory.build(params["model"], self.training_problem.default_values)
        self.optimizer = optimizer_class(self.model.parameters(), **params["training"]["optimizer"])
        self.epoch_limit = params["training"]["terminal_conditions"]["epoch_limit"]

    def add_statistics(self, stat_col):
        stat_col.add_statistic("loss", "{:12.10f}")
        stat_col.add_statistic("episode", "{:06d}")
        stat_col.add_statistic("epoch", "{:02d}")

    def initialize_statistics_collection(self):
        self.training_stat_col = StatisticsCollector()
        self.add_statistics(self.training_stat_col)
        self.training_problem.add_statistics(self.training_stat_col)
        self.model.add_statistics(self.training_stat_col)
