"""part of positive project [LG001]: the entry script loads the digit CSV, builds the CNN (which owns its loss and optimizer) and runs the Learner."""
# Source: imhgchoi/pytorch-implementations at e6add999 (read as is), CNN/main.py; re-typed, identifiers renamed. The
# CSV reader (CNN/data.py) is not included.
from CNN.cnn import DigitNet
from CNN.data import Data
from CNN.learner import Learner

if __name__ == '__main__':
    data = Data('D:/rawDataFiles/digit_train.csv')
    target, input = data.import_data()
    net = DigitNet(5e-5)
    target = target.to(net.device)
    input = input.to(net.device)
    learner = Learner(net, input, target, batch_size=3000, epochs=100)
    learner.learn()
