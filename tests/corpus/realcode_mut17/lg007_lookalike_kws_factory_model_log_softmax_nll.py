"""look-alike [LG007]: a keyword spotter's model class is made by a factory on a base-class parameter; its forward ends in a log-softmax (the repository's code) and the base's fit trains it with NLLLoss."""
# Source: adithom/KWS@b47eb9efeb model.py (get_model_class) and trainClassifier.py (KeywordSpotter.fit, create_model), re-typed; FastGRNN cells, sparsification, rolling training and the schedule cut
import torch
import torch.nn as nn
import torch.nn.functional as F


class KeywordSpotter(nn.Module):
    def fit(self, training_data, options, device=None):
        loss_function = nn.NLLLoss()
        optimizer = torch.optim.Adam(self.parameters(), lr=options.learning_rate)
        for epoch in range(options.max_epochs):
            self.train()
            for audio, labels in training_data:
                audio = audio.permute(2, 0, 1)
                if device:
                    audio, labels = audio.to(device), labels.to(device)
                optimizer.zero_grad()
                keyword_scores = self(audio)
                loss = loss_function(keyword_scores, labels)
                loss.backward()
                optimizer.step()


def get_model_class(inheritance_class=nn.Module):
    class RNNClassifierModel(inheritance_class):
        def __init__(self, input_dim, hidden_units, num_keywords, apply_softmax=True):
            super().__init__()
            self.rnn = nn.GRU(input_dim, hidden_units)
            self.hidden2keyword = nn.Linear(hidden_units, num_keywords)
            self.apply_softmax = apply_softmax

        def forward(self, x):
            model_output, _ = self.rnn(x)
            model_output = self.hidden2keyword(model_output[-1, :, :])
            if self.apply_softmax:
                model_output = F.log_softmax(model_output, dim=1)
            return model_output

    return RNNClassifierModel


def create_model(model_config, input_size, num_keywords):
    model_class = get_model_class(KeywordSpotter)
    return model_class(input_size, model_config.hidden_units, num_keywords)


model = create_model(config.model, 80, 12)
model.fit(training_data, config.training)
