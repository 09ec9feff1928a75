"""part of positive project [LG006]: get_model picks the network class from the configuration."""
# Source: https://github.com/jokester-zzz/SSA-SC networks/common/model.py at ed5298dabf0ab9b1675031b04e62080664e673ad; re-typed, reduced to one branch.
from networks.models.LMSCNet import LMSCNet


def get_model(_cfg, dataset):
    selected_model = _cfg._dict["MODEL"]["TYPE"]
    if selected_model == "LMSCNet":
        model = LMSCNet(class_num=dataset.nbr_classes, input_dimensions=dataset.grid_dimensions, class_frequencies=dataset.class_frequencies)
    else:
        raise ValueError(selected_model)
    return model
