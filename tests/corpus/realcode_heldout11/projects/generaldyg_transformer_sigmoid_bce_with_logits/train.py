"""part of positive project [LG003]: main() defines a nested criterion that calls F.binary_cross_entropy_with_logits on its first argument, builds CombinedModel(CensNet, TransformerBinaryClassifier) and passes the model's output to the criterion in training and evaluation."""
# Source: YXNTU/GeneralDyG@4276d0e67df0c01957dfc802b1c99022f7df3efb train.py (read as is; its issue #6 "Transformer outputs probabilities but training uses BCEWithLogits (double sigmoid)" was acknowledged by the author; re-typed, identifiers renamed, set_seed and the early stopping left out)
import numpy as np
import torch
import torch.nn.functional as F
import torch.utils.data
from sklearn.metrics import roc_auc_score
from tqdm import tqdm

import datasets as dataset
from model.CensNet import CensNet
from model.Combine import CombinedModel
from model.Transformer import TransformerBinaryClassifier
from option import args


def main():
    def criterion(logits, labels):
        per_item = F.binary_cross_entropy_with_logits(
            logits, labels, reduction='none')  # expect: LG003
        return torch.mean(per_item)

    def eval_epoch(data, model, config, device):
        losses, preds, labels = np.array([]), np.array([]), np.array([])
        with torch.no_grad():
            model.eval()
            for batch in data:
                nodes = [t.to(device) for t in batch['input_nodes_feature']]
                edges = [t.to(device) for t in batch['input_edges_feature']]
                Tmats = [t.to(device) for t in batch['Tmats']]
                adjs = [t.to(device) for t in batch['adjs']]
                eadjs = [t.to(device) for t in batch['eadjs']]
                logits = model(nodes, edges, batch['input_edges_pad'].to(device), eadjs, adjs, Tmats,
                               batch['mask_edge'].to(device))
                y = batch['labels'].to(device)
                y = y.to(torch.float32)
                losses = np.concatenate((losses, np.array([criterion(logits, y).cpu()])))
                preds = np.concatenate((preds, logits.cpu().numpy().flatten()))
                labels = np.concatenate((labels, y.cpu().numpy().flatten()))
            auc = roc_auc_score(labels, preds)
        return np.mean(losses), auc

    config = args
    device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
    train_set = dataset.DygDataset(config, 'train')
    test_set = dataset.DygDataset(config, 'test')
    collate = dataset.Collate(config)

    gnn = CensNet(config.input_dim, config.drop_out)
    head = TransformerBinaryClassifier(config, device, hidden_size=config.hidden_dim)
    model = CombinedModel(gnn, head).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=config.learning_rate)

    loader_train = torch.utils.data.DataLoader(dataset=train_set, batch_size=config.batch_size, shuffle=True,
                                               num_workers=config.num_data_workers, pin_memory=True,
                                               collate_fn=collate.dyg_collate_fn)
    loader_test = torch.utils.data.DataLoader(dataset=test_set, batch_size=config.batch_size, shuffle=True,
                                              num_workers=config.num_data_workers, collate_fn=collate.dyg_collate_fn)

    best = 0.0
    for epoch in range(config.n_epochs):
        with tqdm(total=len(loader_train)) as bar:
            for step, batch in enumerate(loader_train):
                nodes = [t.to(device) for t in batch['input_nodes_feature']]
                edges = [t.to(device) for t in batch['input_edges_feature']]
                Tmats = [t.to(device) for t in batch['Tmats']]
                adjs = [t.to(device) for t in batch['adjs']]
                eadjs = [t.to(device) for t in batch['eadjs']]
                optimizer.zero_grad()
                model.train()
                logits = model(nodes, edges, batch['input_edges_pad'].to(device), eadjs, adjs, Tmats,
                               batch['mask_edge'].to(device))
                y = batch['labels'].to(device)
                y = y.to(torch.float32)
                loss = criterion(logits, y)
                loss.backward()
                optimizer.step()
                bar.set_postfix(loss=loss)
                bar.update(1)
        test_loss, test_auc = eval_epoch(loader_test, model, config, device)
        print(f' val loss in epoch: {test_loss}')
        best = max(best, test_auc)
    print('best auc:{}'.format(best))


if __name__ == "__main__":
    main()
