"""part of look-alike project [LG003, LG004, LG015]: the federated client trainer builds BCEWithLogitsLoss(reduction='none'), casts the labels and mask to float32, multiplies the per-label losses by the mask and divides their sum by the mask's sum before backward()."""
# Source: FedML-AI/FedML at 03e11dfe (read as is), python/examples/federate/prebuilt_jobs/fedgraphnn/moleculenet_graph_clf/
# trainer/gcn_readout_trainer.py; re-typed, identifiers renamed; periodic testing inside the loop and wandb logging cut.
import logging

import numpy as np
import torch
from sklearn.metrics import roc_auc_score

from fedml.core import ClientTrainer


class GcnMoleculeNetTrainer(ClientTrainer):
    def get_model_params(self):
        return self.model.cpu().state_dict()

    def set_model_params(self, model_parameters):
        self.model.load_state_dict(model_parameters)

    def train(self, train_data, device, args):
        model = self.model
        model.to(device)
        model.train()
        criterion = torch.nn.BCEWithLogitsLoss(reduction="none")
        if args.client_optimizer == "sgd":
            optimizer = torch.optim.SGD(model.parameters(), lr=args.learning_rate)
        else:
            optimizer = torch.optim.Adam(model.parameters(), lr=args.learning_rate)

        for epoch in range(args.epochs):
            for idx, (adj, feats, label, mask) in enumerate(train_data):
                if torch.all(mask == 0).item():
                    continue
                optimizer.zero_grad()
                adj = adj.to(device=device, dtype=torch.float32, non_blocking=True)
                feats = feats.to(device=device, dtype=torch.float32, non_blocking=True)
                label = label.to(device=device, dtype=torch.float32, non_blocking=True)
                mask = mask.to(device=device, dtype=torch.float32, non_blocking=True)

                logits = model(adj, feats)
                loss = criterion(logits, label) * mask
                loss = loss.sum() / mask.sum()
                loss.backward()
                optimizer.step()

    def test(self, test_data, device, args):
        model = self.model
        model.eval()
        model.to(device)
        with torch.no_grad():
            y_pred, y_true, masks = [], [], []
            for idx, (adj, feats, label, mask) in enumerate(test_data):
                adj = adj.to(device=device, dtype=torch.float32, non_blocking=True)
                feats = feats.to(device=device, dtype=torch.float32, non_blocking=True)
                logits = model(adj, feats)
                y_pred.append(logits.cpu().numpy())
                y_true.append(label.numpy())
                masks.append(mask.numpy())
        y_pred, y_true, masks = np.array(y_pred), np.array(y_true), np.array(masks)
        results = []
        for c in range(masks.shape[1]):
            valid = np.nonzero(masks[:, c])
            truth = y_true[valid, c].flatten()
            pred = y_pred[valid, c].flatten()
            if np.all(truth == 0.0) or np.all(truth == 1.0):
                results.append(float("nan"))
            else:
                results.append(roc_auc_score(truth, pred))
        logging.info("test done")
        return np.nanmean(results), model
