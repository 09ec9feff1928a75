"""part of positive project [LG006]: the server collects every client's train_error_and_loss tensor (cl * 1.0 keeps its graph) in a list over the client loop, then reduces the list with .item() in evaluate."""
# Source: cheng-haha/ProtoHAR at fb5e8b7f (read as is), FLAlgorithms/servers/serverbase.py; re-typed, identifiers
# renamed; the aggregation helpers, result saving (h5py, plots), the test methods and the personalised-model
# variants cut. self.test() stays as the source calls it.
import copy

import numpy as np

from utils.model_utils import read_data, read_user_data


class Server:
    def __init__(self, args, model, times):
        self.device = args.device
        self.dataset = args.dataset
        self.num_glob_iters = args.num_global_iters
        self.local_epochs = args.local_epochs
        self.model = copy.deepcopy(model[0])
        self.users = []
        self.selected_users = []
        self.num_users = args.num_users
        self.total_train_samples = 0
        self.rs_train_acc, self.rs_train_loss, self.rs_glob_acc = [], [], []
        self.logging = args.logging

    def SetClient(self, args, client_cls):
        data = read_data(args, self.dataset)
        for i in range(args.total_users):
            uid, train_data, test_data = read_user_data(i, data, dataset=self.dataset)
            user = client_cls(args, uid, self.model, train_data, test_data)
            self.users.append(user)
            self.total_train_samples += user.train_samples

    def send_parameters(self):
        for user in self.users:
            user.set_parameters(self.model)

    def train_error_and_loss(self):
        num_samples = []
        tot_correct = []
        losses = []
        for c in self.users:
            ct, cl, ns = c.train_error_and_loss()
            tot_correct.append(ct * 1.0)
            num_samples.append(ns)
            losses.append(cl * 1.0)  # expect: LG006
        ids = [c.id for c in self.users]
        return ids, num_samples, tot_correct, losses

    def evaluate(self, mode=None):
        stats = self.test(mode)
        stats_train = self.train_error_and_loss()
        glob_acc = np.sum(stats[2]) * 1.0 / np.sum(stats[1])
        train_acc = np.sum(stats_train[2]) * 1.0 / np.sum(stats_train[1])
        train_loss = sum([x * y for (x, y) in zip(stats_train[1], stats_train[3])]).item() / np.sum(stats_train[1])
        self.rs_glob_acc.append(glob_acc)
        self.rs_train_acc.append(train_acc)
        self.rs_train_loss.append(train_loss)
        self.logging.info(f"Average Train Accurancy:  {train_acc:.6f}  |  Average Train Loss:          {train_loss:.6f}")
