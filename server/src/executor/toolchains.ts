// The sandbox image that fits a workspace: its dev container's image when
// the engine has it, else a Paladin toolchain image picked by the files at
// the workspace's top (package.json → Node.js, pyproject.toml or
// requirements.txt → Python, go.mod → Go, Cargo.toml → Rust), built offline
// from Debian's packages like the default image. Any image runs hardened the
// same way (containerSpec): the image only brings programs.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { programName } from '../shell/programs';

export type ToolchainName = 'node' | 'python' | 'go' | 'rust';

export interface Toolchain {
  name: ToolchainName;
  image: string;
  /** What it is for a person. */
  title: string;
  /** Files at the workspace's top that call for it. */
  markers: string[];
  /** Debian packages added to the default image's. */
  packages: string[];
  /** Programs that need it: a missing image is built on first use only for a command that names one. */
  programs: string[];
  /** Host package caches mounted read-only (paths under the home folder), with the environment that points the tools at them. */
  caches: { host: string; target: string; env: string[] }[];
}

export const TOOLCHAINS: Toolchain[] = [
  {
    name: 'node',
    image: 'paladin-sandbox-node:latest',
    title: 'Node.js and npm',
    markers: ['package.json'],
    packages: ['nodejs', 'npm'],
    programs: ['node', 'npm', 'npx', 'corepack'],
    caches: [{ host: '.npm', target: '/cache/npm', env: ['npm_config_cache=/cache/npm', 'npm_config_prefer_offline=true', 'npm_config_update_notifier=false'] }],
  },
  {
    name: 'python',
    image: 'paladin-sandbox-python:latest',
    title: 'Python 3, pip and venv',
    markers: ['pyproject.toml', 'requirements.txt'],
    packages: ['python3', 'python3-pip', 'python3-venv'],
    programs: ['python', 'python3', 'pip', 'pip3', 'pytest', 'venv'],
    caches: [{ host: '.cache/pip', target: '/cache/pip', env: ['PIP_CACHE_DIR=/cache/pip'] }],
  },
  {
    name: 'go',
    image: 'paladin-sandbox-go:latest',
    title: 'Go',
    markers: ['go.mod'],
    packages: ['golang-go', 'ca-certificates'],
    programs: ['go', 'gofmt'],
    caches: [{ host: 'go/pkg/mod', target: '/cache/go-mod', env: ['GOMODCACHE=/cache/go-mod', 'GOFLAGS=-mod=mod', 'GOPROXY=off'] }],
  },
  {
    name: 'rust',
    image: 'paladin-sandbox-rust:latest',
    title: 'Rust and Cargo',
    markers: ['Cargo.toml'],
    packages: ['cargo', 'rustc'],
    programs: ['cargo', 'rustc', 'rustfmt'],
    caches: [{ host: '.cargo/registry', target: '/tmp/.cargo/registry', env: [] }],
  },
];

export function toolchainNamed(name: string): Toolchain | undefined {
  return TOOLCHAINS.find((t) => t.name === name);
}

/** The toolchain the workspace's top-level files call for (the first that matches), if any. */
export function detectToolchain(workspace: string): Toolchain | undefined {
  return TOOLCHAINS.find((t) => t.markers.some((m) => fs.lstatSync(path.join(workspace, m), { throwIfNoEntry: false })?.isFile()));
}

/**
 * The `image` of `.devcontainer/devcontainer.json` (or `.devcontainer.json`),
 * when it names one. JSON with comments, as dev containers allow.
 */
export function devcontainerImage(workspace: string): string | undefined {
  for (const rel of ['.devcontainer/devcontainer.json', '.devcontainer.json']) {
    const file = path.join(workspace, rel);
    const st = fs.lstatSync(file, { throwIfNoEntry: false });
    if (!st?.isFile() || st.size > 256 * 1024) continue;
    try {
      const parsed = JSON.parse(stripJsonComments(fs.readFileSync(file, 'utf8'))) as { image?: unknown };
      if (typeof parsed.image === 'string' && parsed.image.trim() !== '') return parsed.image.trim();
    } catch {
      // not JSON: no image from it
    }
  }
  return undefined;
}

/** Removes // and /* *\/ comments and trailing commas outside strings. */
export function stripJsonComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else out += c;
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}

/** Whether a command names one of the toolchain's programs as a word of its own. */
export function commandNeeds(toolchain: Toolchain, command: string): boolean {
  const words = command.split(/[\s;&|()`'"<>]+/);
  return words.some((w) => toolchain.programs.includes(programName(w)));
}
