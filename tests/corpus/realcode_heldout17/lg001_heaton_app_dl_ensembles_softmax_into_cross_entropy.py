"""positive [LG001]: the course notebook on ensembles feeds softmax probabilities to nn.CrossEntropyLoss twice: its feature-importance helper applies F.softmax(pred, dim=1) before the cross-entropy it ranks features by, and its blending ensemble trains an nn.Sequential ending in nn.Softmax(dim=1) with nn.CrossEntropyLoss."""
# Source: jeffheaton/app_deep_learning at c8d1e529 (read as is), t81_558_class_08_2_pytorch_ensembles.ipynb; the code
# cells concerned (6 and the blending cell), re-typed, identifiers renamed; the Colab mount, early stopping, the
# iris/auto-mpg examples between them and the submission file cut.
import math

import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F
import torch.optim as optim
from sklearn.ensemble import ExtraTreesClassifier, GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.neighbors import KNeighborsClassifier
from torch import nn


# ---- cell 6
def perturbation_rank(device, model, x, y, names, regression):
    model.to(device)
    model.eval()
    errors = []
    for i in range(x.shape[1]):
        hold = x[:, i].clone()
        x[:, i] = torch.randperm(x.shape[0]).to(device)
        with torch.no_grad():
            pred = model(x)
        if regression:
            loss_fn = torch.nn.MSELoss()
            error = loss_fn(y, pred).item()
        else:
            # pred should be probabilities; apply softmax if not done in model's forward method
            if len(pred.shape) == 2 and pred.shape[1] > 1:
                pred = F.softmax(pred, dim=1)
                loss_fn = torch.nn.CrossEntropyLoss()
                error = loss_fn(pred, y.long()).item()  # expect: LG001
            else:
                loss_fn = nn.MSELoss()
                error = loss_fn(y, pred).item()
        errors.append(error)
        x[:, i] = hold
    top = max(errors)
    importance = [e / top for e in errors]
    result = pd.DataFrame({'name': names, 'error': errors, 'importance': importance},
                          columns=['name', 'error', 'importance'])
    result.sort_values(by=['importance'], ascending=[0], inplace=True)
    result.reset_index(inplace=True, drop=True)
    return result


# ---- blending cell
SHUFFLE = False
FOLDS = 10


def build_ann(n_in, classes, neurons):
    model = nn.Sequential(
        nn.Linear(n_in, neurons),
        nn.ReLU(),
        nn.Linear(neurons, 1),
        nn.Linear(1, classes),
        nn.Softmax(dim=1)
    )
    return model


def mlogloss(y_test, preds):
    eps = 1e-15
    total = 0
    for row in zip(preds, y_test):
        p = row[0][row[1]]
        p = max(eps, p)
        p = min(1 - eps, p)
        total += math.log(p)
    return (-1 / len(preds)) * total


def blend_ensemble(x, y, x_submit):
    folds = list(StratifiedKFold(FOLDS).split(x, y))
    models = [
        build_ann(x.shape[1], 2, 20),
        KNeighborsClassifier(n_neighbors=3),
        RandomForestClassifier(n_estimators=100, n_jobs=-1, criterion='gini'),
        ExtraTreesClassifier(n_estimators=100, n_jobs=-1, criterion='entropy'),
        GradientBoostingClassifier(learning_rate=0.05, subsample=0.5, max_depth=6, n_estimators=50)
    ]
    blend_train = np.zeros((x.shape[0], len(models)))
    blend_test = np.zeros((x_submit.shape[0], len(models)))
    for j, model in enumerate(models):
        fold_sums = np.zeros((x_submit.shape[0], len(folds)))
        total_loss = 0
        for i, (tr, te) in enumerate(folds):
            x_tr = torch.tensor(x[tr], dtype=torch.float32)
            y_tr = torch.tensor(y[tr].values, dtype=torch.int64)
            x_te = torch.tensor(x[te], dtype=torch.float32)
            y_te = torch.tensor(y[te].values, dtype=torch.int64)
            if isinstance(model, nn.Module):
                optimizer = optim.Adam(model.parameters())
                criterion = nn.CrossEntropyLoss()
                optimizer.zero_grad()
                outputs = model(x_tr)
                loss = criterion(outputs, y_tr)  # expect: LG001
                loss.backward()
                optimizer.step()
                with torch.no_grad():
                    out_te = model(x_te)
                    pred = F.softmax(out_te, dim=1).numpy()
                    out_sub = model(torch.tensor(x_submit, dtype=torch.float32))
                    pred2 = F.softmax(out_sub, dim=1).numpy()
            else:
                model.fit(x_tr, y_tr)
                pred = np.array(model.predict_proba(x_te))
                pred2 = np.array(model.predict_proba(x_submit))
            blend_train[te, j] = pred[:, 1]
            fold_sums[:, i] = pred2[:, 1]
            loss = mlogloss(y_te, pred)
            total_loss += loss
            print("Fold #{}: loss={}".format(i, loss))
        print("{}: Mean loss={}".format(model.__class__.__name__, total_loss / len(folds)))
        blend_test[:, j] = fold_sums.mean(1)
    blend = LogisticRegression(solver='lbfgs')
    blend.fit(blend_train, y)
    return blend.predict_proba(blend_test)


if __name__ == '__main__':
    np.random.seed(42)
    URL = "https://data.heatonresearch.com/data/t81-558/kaggle/"
    df_train = pd.read_csv(URL + "bio_train.csv", na_values=['NA', '?'])
    df_submit = pd.read_csv(URL + "bio_test.csv", na_values=['NA', '?'])
    cols = list(df_train.columns.values)
    cols.remove('Activity')
    x = df_train[cols].values
    y = df_train['Activity']
    x_submit = df_submit.values
    submit = blend_ensemble(x, y, x_submit)
