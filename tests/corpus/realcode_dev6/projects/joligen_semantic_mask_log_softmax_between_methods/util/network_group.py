"""part of positive project [LG001]: a group of networks trained together, naming the methods to run by their names."""
# Source: jolibrain/joliGEN@f79a4952a6 (the parent of 2622650, "fix: softmax G semantic was applied twice") util/network_group.py (re-typed)


class NetworkGroup:
    def __init__(self, networks_to_optimize, forward_functions, backward_functions, loss_names_list, optimizer, loss_backward):
        self.networks_to_optimize = networks_to_optimize
        self.forward_functions = forward_functions
        self.backward_functions = backward_functions
        self.loss_names_list = loss_names_list
        self.optimizer = optimizer
        self.loss_backward = loss_backward
