"""part of look-alike project [LG006]: train_epoch adds .item() of the batch loss, the imputation loss and the imputation MSE to its running sums; eval_epoch adds the tensors themselves, computed under torch.set_grad_enabled(False) (track_gradient=False)."""
# Source: boschresearch/Continuous-Recurrent-Units@3ac40f3b967e8bb3f70eb4a155b6a1328bca6ff2 lib/CRU.py (the head of pull request #4 "Avoid high memory usage from past computations"; re-typed, identifiers renamed, cut at method boundaries: the Bernoulli decoder branch and the parameter list of __init__ left out, regression, one_step_ahead_prediction and the NaN checks left out, train() shortened)
import os

import numpy as np
import torch

from lib.encoder import Encoder
from lib.decoder import SplitDiagGaussianDecoder
from lib.CRULayer import CRULayer
from lib.CRUCell import var_activation, var_activation_inverse
from lib.utils import TimeDistributed
from lib.losses import rmse, mse, GaussianNegLogLik, bernoulli_nll
from lib.data_utils import adjust_obs_for_extrapolation

optim = torch.optim
nn = torch.nn


class CRU(nn.Module):

    def __init__(self, target_dim: int, lsd: int, args, use_cuda_if_available: bool = True, bernoulli_output: bool = False):
        super().__init__()
        self._device = torch.device("cuda" if torch.cuda.is_available() and use_cuda_if_available else "cpu")
        self._lsd = lsd
        if self._lsd % 2 == 0:
            self._lod = int(self._lsd / 2)
        else:
            raise Exception('Latent state dimension must be even number.')
        self.args = args
        self.bernoulli_output = bernoulli_output
        self._cru_layer = CRULayer(latent_obs_dim=self._lod, args=args).to(self._device)
        enc = Encoder(self._lod, output_normalization="pre", enc_var_activation=args.enc_var_activation).to(dtype=torch.float64)
        self._dec = TimeDistributed(SplitDiagGaussianDecoder(self._lod, out_dim=target_dim, dec_var_activation=args.dec_var_activation).to(
            dtype=torch.float64), num_outputs=2).to(self._device)
        self._enc = TimeDistributed(enc, num_outputs=2).to(self._device)
        self._initial_mean = torch.zeros(1, self._lsd).to(self._device, dtype=torch.float64)
        log_ic_init = var_activation_inverse(10.0)
        self._log_icu = torch.nn.Parameter(log_ic_init * torch.ones(1, self._lod).to(self._device, dtype=torch.float64))
        self._log_icl = torch.nn.Parameter(log_ic_init * torch.ones(1, self._lod).to(self._device, dtype=torch.float64))
        self._ics = torch.zeros(1, self._lod).to(self._device, dtype=torch.float64)

    def forward(self, obs_batch, time_points=None, obs_valid=None):
        y, y_var = self._enc(obs_batch)
        post_mean, post_cov, prior_mean, prior_cov, kalman_gain = self._cru_layer(
            y, y_var, self._initial_mean,
            [var_activation(self._log_icu), var_activation(self._log_icl), self._ics],
            obs_valid=obs_valid, time_points=time_points)
        if self.bernoulli_output:
            out_mean = self._dec(post_mean)
            out_var = None
        elif self.args.task == 'one_step_ahead_prediction':
            out_mean, out_var = self._dec(prior_mean, torch.cat(prior_cov, dim=-1))
        else:
            out_mean, out_var = self._dec(post_mean, torch.cat(post_cov, dim=-1))
        inter = {'post_mean': post_mean, 'post_cov': post_cov, 'prior_mean': prior_mean,
                 'prior_cov': prior_cov, 'kalman_gain': kalman_gain, 'y': y, 'y_var': y_var}
        return out_mean, out_var, inter

    def interpolation(self, data, track_gradient=True):
        if self.bernoulli_output:
            obs, truth, obs_valid, obs_times, mask_truth = [j.to(self._device) for j in data]
            mask_obs = None
        else:
            obs, truth, obs_valid, obs_times, mask_truth, mask_obs = [j.to(self._device) for j in data]
        obs_times = self.args.ts * obs_times
        with torch.set_grad_enabled(track_gradient):
            out_mean, out_var, inter = self.forward(obs_batch=obs, time_points=obs_times, obs_valid=obs_valid)
            if self.bernoulli_output:
                loss = bernoulli_nll(truth, out_mean, uint8_targets=False)
                imput_mask = (~obs_valid[..., None, None, None]) * mask_truth
                imput_loss = np.nan
                imput_mse = mse(truth.flatten(start_dim=2), out_mean.flatten(start_dim=2), mask=imput_mask.flatten(start_dim=2))
            else:
                loss = GaussianNegLogLik(out_mean, truth, out_var, mask=mask_truth)
                imput_mask = (~obs_valid[..., None]) * mask_truth
                imput_loss = GaussianNegLogLik(out_mean, truth, out_var, mask=imput_mask)
                imput_mse = mse(truth, out_mean, mask=imput_mask)
        return loss, out_mean, out_var, obs, truth, mask_obs, mask_truth, inter, imput_loss, imput_mse

    def extrapolation(self, data, track_gradient=True):
        obs, truth, obs_valid, obs_times, mask_truth, mask_obs = [j.to(self._device) for j in data]
        obs, obs_valid = adjust_obs_for_extrapolation(obs, obs_valid, obs_times, self.args.cut_time)
        obs_times = self.args.ts * obs_times
        with torch.set_grad_enabled(track_gradient):
            out_mean, out_var, inter = self.forward(obs_batch=obs, time_points=obs_times, obs_valid=obs_valid)
            loss = GaussianNegLogLik(out_mean, truth, out_var, mask=mask_truth)
            imput_mask = (~obs_valid[..., None]) * mask_truth
            imput_loss = GaussianNegLogLik(out_mean, truth, out_var, mask=imput_mask)
            imput_mse = mse(truth, out_mean, mask=imput_mask)
        return loss, out_mean, out_var, obs, truth, mask_obs, mask_truth, inter, imput_loss, imput_mse

    def train_epoch(self, dl, optimizer):
        epoch_ll = 0
        epoch_rmse = 0
        epoch_mse = 0
        if self.args.task == 'extrapolation' or self.args.task == 'interpolation':
            epoch_imput_ll = 0
            epoch_imput_mse = 0

        for i, data in enumerate(dl):
            if self.args.task == 'interpolation':
                loss, out_mean, out_var, obs, truth, mask_obs, mask_truth, inter, imput_loss, imput_mse = self.interpolation(data)
            elif self.args.task == 'extrapolation':
                loss, out_mean, out_var, obs, truth, mask_obs, mask_truth, inter, imput_loss, imput_mse = self.extrapolation(data)
            else:
                raise Exception('Unknown task')

            optimizer.zero_grad()
            loss.backward()
            if self.args.grad_clip:
                nn.utils.clip_grad_norm_(self.parameters(), 1)
            optimizer.step()

            epoch_ll += loss.item()
            epoch_rmse += rmse(truth, out_mean, mask_truth).item()
            epoch_mse += mse(truth, out_mean, mask_truth).item()

            if self.args.task == 'extrapolation' or self.args.task == 'interpolation':
                epoch_imput_ll += imput_loss.item()
                epoch_imput_mse += imput_mse.item()
                imput_metrics = [epoch_imput_ll / (i + 1), epoch_imput_mse / (i + 1)]
            else:
                imput_metrics = None

        return epoch_ll / (i + 1), epoch_rmse / (i + 1), epoch_mse / (i + 1), [out_mean, out_var], inter, [obs, truth, mask_obs], imput_metrics

    def eval_epoch(self, dl):
        epoch_ll = 0
        epoch_rmse = 0
        epoch_mse = 0
        if self.args.task == 'extrapolation' or self.args.task == 'interpolation':
            epoch_imput_ll = 0
            epoch_imput_mse = 0

        for i, data in enumerate(dl):
            if self.args.task == 'interpolation':
                loss, out_mean, out_var, obs, truth, mask_obs, mask_truth, inter, imput_loss, imput_mse = self.interpolation(
                    data, track_gradient=False)
            elif self.args.task == 'extrapolation':
                loss, out_mean, out_var, obs, truth, mask_obs, mask_truth, inter, imput_loss, imput_mse = self.extrapolation(
                    data, track_gradient=False)

            epoch_ll += loss
            epoch_rmse += rmse(truth, out_mean, mask_truth).item()
            epoch_mse += mse(truth, out_mean, mask_truth).item()
            if self.args.task == 'extrapolation' or self.args.task == 'interpolation':
                epoch_imput_ll += imput_loss
                epoch_imput_mse += imput_mse
                imput_metrics = [epoch_imput_ll / (i + 1), epoch_imput_mse / (i + 1)]
            else:
                imput_metrics = None

        return epoch_ll / (i + 1), epoch_rmse / (i + 1), epoch_mse / (i + 1), [out_mean, out_var], inter, [obs, truth, mask_obs], imput_metrics

    def train(self, train_dl, valid_dl, identifier, logger, epoch_start=0):
        optimizer = optim.Adam(self.parameters(), self.args.lr)
        scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lambda epoch: self.args.lr_decay ** epoch)
        for epoch in range(epoch_start, self.args.epochs):
            train_ll, train_rmse, train_mse, train_out, inter, train_in, train_imput = self.train_epoch(train_dl, optimizer)
            valid_ll, valid_rmse, valid_mse, valid_out, inter, valid_in, valid_imput = self.eval_epoch(valid_dl)
            logger.info(f'Epoch {epoch}: train_ll {train_ll:.4f} valid_ll {valid_ll:.4f} train_rmse {train_rmse:.4f}')
            scheduler.step()
