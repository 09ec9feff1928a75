"""part of positive project [LG006]: a mapping whose item store appends the value to the list kept for that statistic, so a loss stored every step stays alive with its graph until the collector is emptied at the end of the epoch."""
# Source: IBM/mi-prometheus@0cfa852df5 (the parent of d585f9a2, "Fixes #111", which stores loss.item()) miprometheus/utils/statistics_collector.py (re-typed: export to csv and TensorBoard cut)
from collections.abc import Mapping


class StatisticsCollector(Mapping):
    def __init__(self):
        super(StatisticsCollector, self).__init__()
        self.statistics = dict()
        self.formatting = dict()

    def add_statistic(self, key, formatting):
        self.formatting[key] = formatting
        self.statistics[key] = list()

    def __getitem__(self, key):
        return self.statistics[key]

    def __setitem__(self, key, value):
        self.statistics[key].append(value)  # expect: LG006

    def __delitem__(self, key):
        del self.statistics[key]

    def __len__(self):
        return self.statistics.__len__()

    def __iter__(self):
        return self.statistics.__iter__()

    def empty(self):
        for key in self.statistics.keys():
            del self.statistics[key][:]

    def export_to_string(self, additional_tag=""):
        stat_str = ""
        for key, f in self.formatting.items():
            stat_str += key + " " + f.format(self.statistics[key][-1]) + "; "
        return stat_str + additional_tag
