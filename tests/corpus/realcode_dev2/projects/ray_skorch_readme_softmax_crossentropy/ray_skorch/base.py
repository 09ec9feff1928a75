"""part of positive project [LG001]: RayTrainNeuralNet subclasses skorch's NeuralNet and hands it module and criterion unchanged."""
# Source: Yard1/ray-skorch@5f0181f8fc33a4fb170732af92c89dccb67e1540 ray_skorch/base.py (the skorch and torch imports, and the class cut after its __init__; the callbacks' and datasets' imports and the other methods left out)
from skorch import NeuralNet
from skorch.dataset import Dataset as SkorchDataset
import torch
from ray.train.trainer import Trainer


class RayTrainNeuralNet(NeuralNet):
    # Docstring modified through set_ray_train_neural_net_docs

    prefixes_ = NeuralNet.prefixes_ + ["worker_dataset"]

    def __init__(self,
                 module,
                 criterion,
                 num_workers: int,
                 optimizer=torch.optim.SGD,
                 lr=0.01,
                 max_epochs=10,
                 batch_size=128,
                 iterator_train=PipelineIterator,
                 iterator_valid=PipelineIterator,
                 dataset=dataset_factory,
                 worker_dataset=SkorchDataset,
                 train_split=FixedSplit(0.2),
                 callbacks: Union[List[Tuple[str, TrainSklearnCallback]], str,
                                  None] = None,
                 train_callbacks: Optional[List[Tuple[
                     str, TrainingCallback]]] = None,
                 predict_nonlinearity="auto",
                 warm_start=False,
                 verbose=1,
                 device="cpu",
                 trainer: Union[Type[Trainer], Trainer] = Trainer,
                 profile: bool = False,
                 save_checkpoints: bool = False,
                 ddp_kwargs: Optional[Dict[str, Any]] = None,
                 **kwargs):
        global _warned
        if not _warned:
            _warned = True
            warnings.warn(
                "RayTrainNeuralNet and the rest of this package are "
                "experimental and not production ready. In particular, "
                "validation and error handling may be spotty. If you "
                "encounter any problems or have any suggestions, "
                "please open an issue on GitHub.")

        self.trainer = trainer
        self.worker_dataset = worker_dataset
        self.num_workers = num_workers
        self.profile = profile
        self.save_checkpoints = save_checkpoints
        self.train_callbacks = train_callbacks
        self.ddp_kwargs = ddp_kwargs
        super().__init__(
            module,
            criterion,
            optimizer=optimizer,
            lr=lr,
            max_epochs=max_epochs,
            batch_size=batch_size,
            iterator_train=iterator_train,
            iterator_valid=iterator_valid,
            dataset=dataset,
            train_split=train_split,
            callbacks=callbacks,
            predict_nonlinearity=predict_nonlinearity,
            warm_start=warm_start,
            verbose=verbose,
            device=device,
            **kwargs)
