"""part of positive project [LG006]: FedAvg's server loop evaluates every round (the client helper and the server list keep the loss graphs), then trains the selected clients and aggregates."""
# Source: cheng-haha/ProtoHAR at fb5e8b7f (read as is), FLAlgorithms/servers/serveravg.py; re-typed, identifiers
# renamed; send_grads and the logging decorator cut; select_users, aggregate_parameters, save_results and
# save_model live in the cut part of serverbase.py.
from FLAlgorithms.users.useravg import UserAVG
from FLAlgorithms.servers.serverbase import Server


class FedAvg(Server):
    def __init__(self, args, model, times):
        super().__init__(args, model, times)
        self.SetClient(args, UserAVG)

    def train(self):
        for glob_iter in range(self.num_glob_iters):
            self.logging.info(f"-------------Round number:{glob_iter} -------------")
            self.evaluate()
            self.selected_users, self.user_idxs = self.select_users(glob_iter, self.num_users, return_idx=True)
            for user in self.selected_users:
                user.train(self.local_epochs)
            self.aggregate_parameters()
            self.send_parameters()
        self.save_results()
        self.save_model()
