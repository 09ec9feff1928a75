"""part of look-alike project [LG001, LG006, LG013]: the settings object train.py reads (model kind, learning rate, epochs, early-stopping window)."""
# Source: iworldtong/text_gcn.pytorch at bc8d0c62 (read as is), config.py; re-typed, identifiers renamed.


class CONFIG(object):
    def __init__(self):
        super(CONFIG, self).__init__()
        self.dataset = 'R8'
        self.model = 'gcn'  # 'gcn', 'gcn_cheby', 'dense'
        self.learning_rate = 0.02
        self.epochs = 200
        self.hidden1 = 200
        self.dropout = 0.5
        self.weight_decay = 0.
        self.early_stopping = 10
        self.max_degree = 3
