"""positive [LG006, LG010]: a POI-recommendation autoencoder builds torch.nn.MSELoss(size_average=False, reduce=False) for a confidence-weighted squared error it sums itself, and adds each step's loss tensor to avg_cost (avg_cost += loss / num_users * batch_size) for the whole epoch."""
# Source: allenjack/SAE-NAD at a491d71b (read at the code issue #2, "error", is about: the reply suggests
# reduction='none' for newer PyTorch), run.py; re-typed, identifiers renamed; the per-user top-k evaluation and the
# metric printing after training shortened. model.AutoEncoder, dataset and eval_metrics are not included.
from argparse import ArgumentParser

import numpy as np
import scipy
import torch
from torch.autograd import Variable

import dataset
import eval_metrics
from model import AutoEncoder

if torch.cuda.is_available():
    import torch.cuda as T
else:
    import torch as T

parser = ArgumentParser(description="SAE-NAD")
parser.add_argument("-e", "--epoch", type=int, default=60)
parser.add_argument("-b", "--batch_size", type=int, default=256)
parser.add_argument("--alpha", type=float, default=2.0)
parser.add_argument("--epsilon", type=float, default=1e-5)
parser.add_argument("-lr", "--learning_rate", type=float, default=1e-3)
parser.add_argument("-wd", "--weight_decay", type=float, default=1e-3)
parser.add_argument("-att", "--num_attention", type=int, default=20)
parser.add_argument("--inner_layers", nargs="+", type=int, default=[200, 50, 200])
parser.add_argument("-dr", "--dropout_rate", type=float, default=0.5)
args = parser.parse_args()


def get_mini_batch(X, weight_mask, users):
    items = []
    for uid in users:
        items.append(X.getrow(uid).indices)
    return X[users].toarray(), weight_mask[users].toarray(), items


def log_surplus_confidence_matrix(B, alpha, epsilon):
    S = B.copy()
    S.data = alpha * np.log(1 + S.data / epsilon)
    return S


def train_autoencoder(train_matrix, test_set):
    num_users, num_items = train_matrix.shape
    conf = log_surplus_confidence_matrix(train_matrix, alpha=args.alpha, epsilon=args.epsilon)
    train_matrix[train_matrix > 0] = 1.0
    place_corr = scipy.sparse.load_npz("./data/Foursquare/place_correlation_gamma60.npz")

    net = AutoEncoder(num_items, args.inner_layers, num_items, da=args.num_attention, dropout_rate=args.dropout_rate)
    if torch.cuda.is_available():
        net.cuda()

    criterion = torch.nn.MSELoss(size_average=False, reduce=False)  # expect: LG010
    optimizer = torch.optim.Adam(net.parameters(), lr=args.learning_rate, weight_decay=args.weight_decay)

    batch_size = args.batch_size
    order = np.arange(num_users)

    net.train()
    for t in range(args.epoch):
        np.random.shuffle(order)
        avg_cost = 0.
        for b in range(int(num_users / batch_size)):
            users = order[b * batch_size:(b + 1) * batch_size]
            x, x_weight, item_idx = get_mini_batch(train_matrix, conf, users)
            x_weight += 1
            x = Variable(torch.from_numpy(x).type(T.FloatTensor), requires_grad=False)

            pred = net(item_idx, place_corr)

            x_weight = Variable(torch.from_numpy(x_weight).type(T.FloatTensor), requires_grad=False)
            loss = (x_weight * criterion(pred, x)).sum() / batch_size
            print(b, loss.data)

            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            avg_cost += loss / num_users * batch_size  # expect: LG006

        print("Avg loss:{}".format(avg_cost))

    net.eval()
    recommended = []
    for uid in range(num_users):
        seen = train_matrix.getrow(uid).toarray()[0]
        scores = net([train_matrix.getrow(uid).indices], place_corr).cpu().data.numpy()[0]
        scores[seen > 0] = 0
        recommended.append(list(np.argsort(-scores)[:20]))
    print(eval_metrics.precision_at_k(test_set, recommended, 5))
